// English and Korean: the browser's language picks one, the header's switch changes it (kept in localStorage).
const MESSAGES = {
  en: {
    'shop.name': 'Fashion shop', 'nav.main': 'Main', 'nav.catalogue': 'Catalogue', 'nav.cart': 'Cart ({count})',
    'nav.myOrders': 'My orders', 'nav.owner': 'Owner console', 'nav.operator': 'Operator', 'nav.signIn': 'Sign in',
    'nav.signOut': 'Sign out {name}', 'nav.language': 'Language', 'nav.skip': 'Skip to content',
    'catalogue.title': 'Catalogue', 'catalogue.filters': 'Filters', 'catalogue.search': 'Search',
    'catalogue.category': 'Category', 'catalogue.colour': 'Colour', 'catalogue.size': 'Size',
    'catalogue.minPrice': 'Lowest price', 'catalogue.maxPrice': 'Highest price', 'catalogue.inStock': 'In stock only',
    'catalogue.sort': 'Sort by', 'catalogue.sort.name': 'Name', 'catalogue.sort.price': 'Price, lowest first',
    'catalogue.sort.-price': 'Price, highest first', 'catalogue.sort.newest': 'Newest', 'catalogue.any': 'Any',
    'catalogue.found': '{count} items', 'catalogue.found.one': '1 item', 'catalogue.none': 'Nothing matches. Try fewer filters.',
    'catalogue.soldOut': 'Sold out', 'catalogue.previous': 'Previous page', 'catalogue.next': 'Next page',
    'catalogue.page': 'Page {page} of {pages}', 'catalogue.results': 'Results',
    'item.variant': 'Size and colour', 'item.left': '{count} left', 'item.soldOut': 'sold out',
    'item.quantity': 'Quantity', 'item.add': 'Add to cart', 'item.added': 'Added to your cart.',
    'item.viewCart': 'View cart', 'item.back': 'Back to the catalogue', 'item.notFound': 'There is no such item.',
    'cart.title': 'Your cart', 'cart.empty': 'Your cart is empty.', 'cart.item': 'Item', 'cart.unitPrice': 'Price',
    'cart.quantity': 'Quantity of {name}', 'cart.remove': 'Remove {name}', 'cart.total': 'Total',
    'checkout.title': 'Checkout', 'checkout.address': 'Shipping address', 'checkout.card': 'Card token',
    'checkout.cardHelp': 'A test shop: any token pays, except tok_declined, which the bank declines.',
    'checkout.place': 'Place order', 'checkout.placing': 'Placing your order…',
    'checkout.signIn': 'Sign in as a buyer to order.',
    'checkout.declined': 'Payment declined. Try another card.',
    'checkout.busy': 'The shop is busy and nothing was ordered. Try again in {seconds} s.',
    'checkout.lines': 'Your cart: {message}', 'checkout.failed': 'The order could not be placed: {message}',
    'order.title': 'Order {id}', 'order.status': 'Status', 'order.payment': 'Payment', 'order.store': 'Store',
    'order.delivery': 'Delivery', 'order.lines': 'What you ordered', 'order.total': 'Total',
    'order.timeline': 'Timeline', 'order.cancel': 'Cancel this order', 'order.payNow': 'Pay now',
    'order.payIn': 'Pay in {seconds} s', 'order.live': 'Updates appear here as they happen.',
    'order.notFound': 'There is no such order among yours.',
    'order.deferred': 'Payment is busy, your order is kept: pay in a moment.',
    'order.cancelAsked': 'Cancellation requested: the store confirms it, then you are refunded.',
    'order.pending': 'Your order is being recorded…', 'order.none': 'You have no orders yet.',
    'orders.title': 'My orders', 'orders.placed': 'Placed {date}',
    'status.PAYMENT_PENDING': 'Paying', 'status.PAYMENT_DEFERRED': 'Waiting for payment',
    'status.PAYMENT_DECLINED': 'Payment declined', 'status.PAID': 'Paid', 'status.ACCEPTED': 'Accepted by the store',
    'status.SHIPPING': 'On its way', 'status.DELIVERED': 'Delivered', 'status.REJECTED': 'Rejected by the store',
    'status.CANCEL_REQUESTED': 'Cancellation requested', 'status.CANCELLED': 'Cancelled', 'status.EXPIRED': 'Expired',
    'status.APPROVED': 'Approved', 'status.DECLINED': 'Declined', 'status.REFUNDED': 'Refunded',
    'status.RECEIVED': 'Received', 'status.STARTED': 'Started', 'status.COMPLETED': 'Completed',
    'status.none': '—',
    'event.OrderPlaced': 'Order placed', 'event.PaymentApproved': 'Paid', 'event.PaymentDeclined': 'Payment declined',
    'event.PaymentDeferred': 'Payment deferred', 'event.PaymentRefunded': 'Refunded',
    'event.StoreReceived': 'Received by the store', 'event.StoreAccepted': 'Accepted by the store',
    'event.StoreRejected': 'Rejected by the store', 'event.StoreCancelled': 'Cancellation confirmed by the store',
    'event.OrderCancelled': 'Cancellation requested', 'event.OrderExpired': 'Expired unpaid',
    'event.DeliveryStarted': 'Shipped', 'event.DeliveryCancelled': 'Delivery cancelled',
    'event.DeliveryCompleted': 'Delivered',
    'owner.title': 'Owner console', 'owner.orders': 'Orders to handle', 'owner.noOrders': 'No order waits for you.',
    'owner.accept': 'Accept order {id}', 'owner.confirmCancel': 'Confirm the cancellation of order {id}',
    'owner.deliveries': 'Deliveries on their way', 'owner.noDeliveries': 'No delivery is on its way.',
    'owner.complete': 'Mark delivery of order {id} delivered', 'owner.items': 'Items', 'owner.register': 'Register an item',
    'owner.name': 'Name', 'owner.description': 'Description', 'owner.category': 'Category',
    'owner.price': 'Price (smallest unit, e.g. cents)', 'owner.currency': 'Currency', 'owner.image': 'Picture URL',
    'owner.variants': 'Variants', 'owner.sku': 'SKU', 'owner.size': 'Size', 'owner.colour': 'Colour',
    'owner.stock': 'Stock', 'owner.addVariant': 'Add a variant', 'owner.submit': 'Register',
    'owner.registered': '{name} is registered.', 'owner.updated': '{name} is saved.',
    'owner.edit': 'Edit {name}', 'owner.stockHelp': 'The stock of existing sizes is changed in the table above.', 'owner.editing': 'Editing {name}', 'owner.cancelEdit': 'Stop editing', 'owner.stockOf': 'Stock of {sku}', 'owner.saveStock': 'Save stock of {sku}',
    'owner.saved': 'Saved.', 'owner.save': 'Save', 'owner.buyer': 'Buyer', 'owner.address': 'Ship to', 'owner.order': 'Order',
    'operator.title': 'Operator', 'operator.services': 'Services', 'operator.service': 'Service',
    'operator.health': 'Health', 'operator.restarts': 'Restarts', 'operator.pid': 'Process',
    'operator.localOnly': 'This page reads the local run\'s runner; on Kubernetes, see the cluster and its metrics.',
    'operator.breakers': 'Circuit breakers', 'operator.instance': 'Instance', 'operator.breaker': 'Breaker',
    'operator.state': 'State', 'operator.breaker.CLOSED': 'Closed (calls go through)',
    'operator.breaker.OPEN': 'Open (payments deferred)', 'operator.breaker.HALF_OPEN': 'Half open (trying again)', 'operator.breaker.UNKNOWN': 'Unknown (the instance did not answer)',
    'operator.simulator': 'Payment simulator', 'operator.latency': 'Latency of each payment (ms)',
    'operator.failures': 'Payments failing (%)', 'operator.setKnobs': 'Set the simulator',
    'operator.knobsSet': 'The simulator is set on every payment-service instance.',
    'operator.orders': 'Orders', 'operator.outcome': 'Outcome', 'operator.total': 'Since start',
    'operator.perMinute': 'Per minute', 'operator.stages': 'Saga stages', 'operator.stage': 'Stage',
    'operator.count': 'Orders', 'operator.events': 'Events', 'operator.backlog': 'Outbox backlog',
    'operator.oldest': 'Oldest unsent', 'operator.lag': 'Consumer lag', 'operator.deadLettered': 'Dead-lettered',
    'operator.trace': 'Trace of an order', 'operator.traceOf': 'Order id', 'operator.showTrace': 'Show its trace',
    'operator.noTrace': 'No trace of order {orderId} yet: its spans reach the runner within a few seconds.',
    'operator.traceSummary': 'Trace {traceId}: {spans} spans over {ms} ms.', 'operator.span': 'Span',
    'operator.start': 'Start', 'operator.duration': 'Duration', 'operator.timeline': 'Timeline',
    'signIn.title': 'Sign in', 'signIn.username': 'User name', 'signIn.password': 'Password',
    'signIn.submit': 'Sign in', 'signIn.failed': 'Unknown user or wrong password.',
    'signIn.demo': 'Demo users of the local run', 'signIn.demoRole.buyer': 'a buyer', 'signIn.demoRole.owner': 'the store owner',
    'signIn.demoRole.operator': 'the operator', 'signIn.use': 'Sign in as {name}',
    'signIn.provider': 'Sign in with your shop account', 'signIn.providerFailed': 'Signing in failed: {message}',
    'error.generic': 'Something went wrong: {message}', 'error.forbidden': 'This page is not for your account.',
  },
  ko: {
    'shop.name': '패션 숍', 'nav.main': '메인', 'nav.catalogue': '상품', 'nav.cart': '장바구니 ({count})',
    'nav.myOrders': '내 주문', 'nav.owner': '판매자 콘솔', 'nav.operator': '운영', 'nav.signIn': '로그인',
    'nav.signOut': '{name} 로그아웃', 'nav.language': '언어', 'nav.skip': '본문으로 건너뛰기',
    'catalogue.title': '상품', 'catalogue.filters': '필터', 'catalogue.search': '검색',
    'catalogue.category': '카테고리', 'catalogue.colour': '색상', 'catalogue.size': '사이즈',
    'catalogue.minPrice': '최저 가격', 'catalogue.maxPrice': '최고 가격', 'catalogue.inStock': '재고 있는 상품만',
    'catalogue.sort': '정렬', 'catalogue.sort.name': '이름순', 'catalogue.sort.price': '낮은 가격순',
    'catalogue.sort.-price': '높은 가격순', 'catalogue.sort.newest': '최신순', 'catalogue.any': '전체',
    'catalogue.found': '상품 {count}개', 'catalogue.none': '조건에 맞는 상품이 없습니다. 필터를 줄여 보세요.',
    'catalogue.soldOut': '품절', 'catalogue.previous': '이전 페이지', 'catalogue.next': '다음 페이지',
    'catalogue.page': '{pages}쪽 중 {page}쪽', 'catalogue.results': '검색 결과',
    'item.variant': '사이즈와 색상', 'item.left': '{count}개 남음', 'item.soldOut': '품절',
    'item.quantity': '수량', 'item.add': '장바구니에 담기', 'item.added': '장바구니에 담았습니다.',
    'item.viewCart': '장바구니 보기', 'item.back': '상품 목록으로', 'item.notFound': '없는 상품입니다.',
    'cart.title': '장바구니', 'cart.empty': '장바구니가 비어 있습니다.', 'cart.item': '상품', 'cart.unitPrice': '가격',
    'cart.quantity': '{name} 수량', 'cart.remove': '{name} 빼기', 'cart.total': '합계',
    'checkout.title': '주문하기', 'checkout.address': '배송지', 'checkout.card': '카드 토큰',
    'checkout.cardHelp': '테스트 숍입니다. tok_declined 는 카드사가 거절하고, 그 밖의 토큰은 모두 결제됩니다.',
    'checkout.place': '주문하기', 'checkout.placing': '주문하는 중…',
    'checkout.signIn': '주문하려면 구매자로 로그인하세요.',
    'checkout.declined': '결제가 거절되었습니다. 다른 카드로 시도해 주세요.',
    'checkout.busy': '숍이 바빠 주문되지 않았습니다. {seconds}초 뒤에 다시 시도해 주세요.',
    'checkout.lines': '장바구니: {message}', 'checkout.failed': '주문하지 못했습니다: {message}',
    'order.title': '주문 {id}', 'order.status': '상태', 'order.payment': '결제', 'order.store': '매장',
    'order.delivery': '배송', 'order.lines': '주문 상품', 'order.total': '합계',
    'order.timeline': '진행 내역', 'order.cancel': '주문 취소', 'order.payNow': '지금 결제',
    'order.payIn': '{seconds}초 뒤 결제', 'order.live': '진행 상황이 생기는 대로 여기에 나타납니다.',
    'order.notFound': '내 주문 중에 그런 주문은 없습니다.',
    'order.deferred': '결제가 혼잡합니다. 주문은 보관되었으니 잠시 뒤에 결제해 주세요.',
    'order.cancelAsked': '취소를 요청했습니다. 매장이 확인하면 환불됩니다.',
    'order.pending': '주문을 기록하는 중…', 'order.none': '아직 주문이 없습니다.',
    'orders.title': '내 주문', 'orders.placed': '{date} 주문',
    'status.PAYMENT_PENDING': '결제 중', 'status.PAYMENT_DEFERRED': '결제 대기', 'status.PAYMENT_DECLINED': '결제 거절',
    'status.PAID': '결제 완료', 'status.ACCEPTED': '매장 승인', 'status.SHIPPING': '배송 중', 'status.DELIVERED': '배송 완료',
    'status.REJECTED': '매장 거절', 'status.CANCEL_REQUESTED': '취소 요청', 'status.CANCELLED': '취소됨',
    'status.EXPIRED': '만료됨', 'status.APPROVED': '승인', 'status.DECLINED': '거절', 'status.REFUNDED': '환불됨',
    'status.RECEIVED': '접수', 'status.STARTED': '시작', 'status.COMPLETED': '완료', 'status.none': '—',
    'event.OrderPlaced': '주문 접수', 'event.PaymentApproved': '결제 완료', 'event.PaymentDeclined': '결제 거절',
    'event.PaymentDeferred': '결제 보류', 'event.PaymentRefunded': '환불 완료', 'event.StoreReceived': '매장 접수',
    'event.StoreAccepted': '매장 승인', 'event.StoreRejected': '매장 거절', 'event.StoreCancelled': '매장 취소 확인',
    'event.OrderCancelled': '취소 요청', 'event.OrderExpired': '미결제 만료', 'event.DeliveryStarted': '발송',
    'event.DeliveryCancelled': '배송 취소', 'event.DeliveryCompleted': '배송 완료',
    'owner.title': '판매자 콘솔', 'owner.orders': '처리할 주문', 'owner.noOrders': '기다리는 주문이 없습니다.',
    'owner.accept': '주문 {id} 승인', 'owner.confirmCancel': '주문 {id} 취소 확인',
    'owner.deliveries': '배송 중', 'owner.noDeliveries': '배송 중인 주문이 없습니다.',
    'owner.complete': '주문 {id} 배송 완료 처리', 'owner.items': '상품', 'owner.register': '상품 등록',
    'owner.name': '이름', 'owner.description': '설명', 'owner.category': '카테고리',
    'owner.price': '가격 (최소 단위, 예: 센트)', 'owner.currency': '통화', 'owner.image': '사진 URL',
    'owner.variants': '옵션', 'owner.sku': 'SKU', 'owner.size': '사이즈', 'owner.colour': '색상',
    'owner.stock': '재고', 'owner.addVariant': '옵션 추가', 'owner.submit': '등록',
    'owner.registered': '{name} 상품을 등록했습니다.', 'owner.updated': '{name} 상품을 저장했습니다.',
    'owner.edit': '{name} 수정', 'owner.stockHelp': '기존 옵션의 재고는 위 표에서 바꿉니다.', 'owner.editing': '{name} 수정 중', 'owner.cancelEdit': '수정 그만두기', 'owner.stockOf': '{sku} 재고', 'owner.saveStock': '{sku} 재고 저장',
    'owner.saved': '저장했습니다.', 'owner.save': '저장', 'owner.buyer': '구매자', 'owner.address': '배송지', 'owner.order': '주문',
    'operator.title': '운영', 'operator.services': '서비스', 'operator.service': '서비스',
    'operator.health': '상태', 'operator.restarts': '재시작', 'operator.pid': '프로세스',
    'operator.localOnly': '이 페이지는 로컬 실행기의 정보를 보여 줍니다. 쿠버네티스에서는 클러스터와 메트릭을 보세요.',
    'operator.breakers': '서킷 브레이커', 'operator.instance': '인스턴스', 'operator.breaker': '브레이커',
    'operator.state': '상태', 'operator.breaker.CLOSED': '닫힘 (호출 통과)',
    'operator.breaker.OPEN': '열림 (결제 보류)', 'operator.breaker.HALF_OPEN': '반열림 (다시 시도 중)', 'operator.breaker.UNKNOWN': '알 수 없음 (인스턴스가 응답하지 않음)',
    'operator.simulator': '결제 시뮬레이터', 'operator.latency': '결제 지연 (ms)',
    'operator.failures': '결제 실패율 (%)', 'operator.setKnobs': '시뮬레이터 설정',
    'operator.knobsSet': '모든 payment-service 인스턴스에 설정했습니다.',
    'operator.orders': '주문', 'operator.outcome': '결과', 'operator.total': '시작 이후',
    'operator.perMinute': '분당', 'operator.stages': '사가 단계', 'operator.stage': '단계',
    'operator.count': '주문 수', 'operator.events': '이벤트', 'operator.backlog': '아웃박스 대기',
    'operator.oldest': '가장 오래된 미발송', 'operator.lag': '컨슈머 지연', 'operator.deadLettered': '데드레터',
    'operator.trace': '주문 트레이스', 'operator.traceOf': '주문 ID', 'operator.showTrace': '트레이스 보기',
    'operator.noTrace': '주문 {orderId}의 트레이스가 아직 없습니다. 스팬은 몇 초 안에 도착합니다.',
    'operator.traceSummary': '트레이스 {traceId}: 스팬 {spans}개, {ms} ms.', 'operator.span': '스팬',
    'operator.start': '시작', 'operator.duration': '소요 시간', 'operator.timeline': '타임라인',
    'signIn.title': '로그인', 'signIn.username': '사용자 이름', 'signIn.password': '비밀번호',
    'signIn.submit': '로그인', 'signIn.failed': '사용자 이름이나 비밀번호가 틀렸습니다.',
    'signIn.demo': '로컬 실행의 데모 사용자', 'signIn.demoRole.buyer': '구매자', 'signIn.demoRole.owner': '판매자',
    'signIn.demoRole.operator': '운영자', 'signIn.use': '{name}(으)로 로그인',
    'signIn.provider': '숍 계정으로 로그인', 'signIn.providerFailed': '로그인하지 못했습니다: {message}',
    'error.generic': '문제가 생겼습니다: {message}', 'error.forbidden': '이 계정으로는 볼 수 없는 페이지입니다.',
  },
};

export const LANGUAGES = { en: 'English', ko: '한국어' };
const KEY = 'shop.language';
const listeners = new Set();

function initial() {
  const chosen = localStorage.getItem(KEY);
  if (chosen && MESSAGES[chosen]) {
    return chosen;
  }
  return (navigator.languages || [navigator.language]).map((l) => l.slice(0, 2)).find((l) => MESSAGES[l]) ?? 'en';
}

let language = initial();
document.documentElement.lang = language;

export function currentLanguage() {
  return language;
}

export function setLanguage(chosen) {
  language = MESSAGES[chosen] ? chosen : 'en';
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
  listeners.forEach((listener) => listener());
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message in the current language, with {name} placeholders filled in (and its singular for a count of 1). */
export function t(key, params = {}) {
  const singular = params.count === 1 && MESSAGES[language][`${key}.one`];
  const text = singular || (MESSAGES[language][key] ?? MESSAGES.en[key] ?? key);
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** How many minor units a currency has (EUR 2, KRW 0). */
export function currencyDigits(currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

/** A price in the smallest currency unit, formatted for the current language. */
export function formatPrice(amount, currency) {
  if (amount === null || amount === undefined || !currency) {
    return '';
  }
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount / 10 ** currencyDigits(currency));
}

export function formatTime(instant) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(instant));
}

export function statusLabel(status) {
  return status ? t(`status.${status}`) : t('status.none');
}
