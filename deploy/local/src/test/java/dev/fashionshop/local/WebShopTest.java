package dev.fashionshop.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.fashionshop.local.ShopBrowser.assertAccessible;
import static dev.fashionshop.local.ShopBrowser.screenshot;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.fashionshop.local.ShopBrowser.Screen;

/**
 * The web UI in Chromium against the real local run: a buyer and the owner, each in a browser of their own,
 * go through the saga by clicking, and every change reaches the buyer's page without a reload.
 */
@AuditedJourneys
class WebShopTest {

    /** The OIDC provider the test shop's web UI offers; it exists only in this test's browser (see signsInWith…). */
    static final String OIDC_ISSUER = "https://id.fashion-shop.test/realms/shop";

    /** How long a look inside a retried wait may wait: the page's assertions default to a whole saga step. */
    private static final double A_MOMENT_MS = 2_000;

    private ShopApi shop;
    private ShopBrowser browser;

    @BeforeAll
    void launch(ShopApi shop) {
        this.shop = shop;
        this.browser = new ShopBrowser(shop.gateway);
        PlaywrightAssertions.setDefaultAssertionTimeout(ShopApi.SAGA_STEP.toMillis());
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void closeTheBrowsersContexts(TestInfo test) {
        browser.closeContexts(test.getTestMethod().orElseThrow().getName());
    }

    /** An item of the test's own, with a name no other item has, in two sizes and a sold-out third. */
    private record TestItem(String id, String name, String skuM, String skuL) {
    }

    private TestItem registerJacket() {
        String word = "Trail" + UUID.randomUUID().toString().substring(0, 8);
        String name = word + " jacket";
        String skuM = word + "-GREEN-M";
        String skuL = word + "-GREEN-L";
        String id = shop.as("owner").body("""
                {"name": "%s", "description": "A light jacket for the hills", "category": "outerwear", "price": 12900,
                 "currency": "EUR", "imageUrl": "/static/images/demo/wool-coat.svg",
                 "variants": [{"sku": "%s", "size": "M", "colour": "Green", "stock": 5},
                              {"sku": "%s", "size": "L", "colour": "Green", "stock": 5},
                              {"sku": "%s-XL", "size": "XL", "colour": "Green", "stock": 0}]}"""
                .formatted(name, skuM, skuL, word))
                .post(shop.gateway + "/api/items").then().statusCode(201).extract().path("id");
        shop.awaitCatalogued(id, skuM);
        Awaitility.await().atMost(ShopApi.SAGA_STEP).untilAsserted(() -> shop.as("alice")
                .get(shop.gateway + "/api/catalog/{id}", id).then().statusCode(200));
        return new TestItem(id, name, skuM, skuL);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static Locator button(Page page, Pattern name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    /** From the catalogue: searches for the item, opens it, and puts so many of a size in the cart. */
    private static void addToCart(Page page, TestItem item, String size, int quantity) {
        page.navigate("/#/");
        page.getByLabel("Search").fill(item.name());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(item.name())).click();
        variant(page, size).check();
        page.getByLabel("Quantity").fill(String.valueOf(quantity));
        button(page, "Add to cart").click();
        assertThat(page.getByText("Added to your cart.")).isVisible();
    }

    /** The item page's choice of a size (in green), by its accessible name: "M · Green — 5 left". */
    private static Locator variant(Page page, String size) {
        return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^" + size + " · Green")));
    }

    private static void checkout(Page page, String cardToken) {
        page.navigate("/#/cart");
        page.getByLabel("Shipping address").fill("1 Hill Road, Innsbruck");
        page.getByLabel("Card token").fill(cardToken);
        button(page, "Place order").click();
    }

    private static String orderIdOf(Page page) {
        page.waitForURL(Pattern.compile(".*#/orders/[0-9a-f-]{36}$"));
        return page.url().replaceAll(".*#/orders/", "");
    }

    private static Locator field(Page page, String testId) {
        return page.getByTestId(testId);
    }

    @Test
    void aBuyerFindsOrdersTwoSizesAndWatchesTheStoreAcceptAndTheDeliveryStartLive() {
        TestItem jacket = registerJacket();
        Page buyer = browser.signedIn("alice", Screen.DESKTOP);

        buyer.getByLabel("Search").fill(jacket.name());
        assertThat(buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(jacket.name()))).isVisible();
        assertThat(buyer.locator("p.count")).hasText("1 item");
        assertAccessible(buyer, "the storefront");
        buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(jacket.name())).click();
        assertThat(variant(buyer, "XL")).isDisabled();
        assertAccessible(buyer, "an item page");

        addToCart(buyer, jacket, "M", 1);
        addToCart(buyer, jacket, "L", 2);
        buyer.reload(); // the cart survives it
        assertThat(buyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cart (3)"))).isVisible();
        buyer.navigate("/#/cart");
        assertAccessible(buyer, "the cart");
        checkout(buyer, "");
        String orderId = orderIdOf(buyer);
        assertThat(field(buyer, "order-status")).hasText("Paid");

        // the store has it, then the owner accepts it in a browser of their own: the buyer's page follows, unreloaded
        assertThat(field(buyer, "store-status")).hasText("Received");
        Page owner = browser.signedIn("owner", Screen.DESKTOP);
        owner.navigate("/#/owner");
        assertAccessible(owner, "the owner console");
        screenshot(owner, "owner-console-desktop");
        button(owner, "Accept order " + orderId.substring(0, 8)).click();

        assertThat(field(buyer, "delivery-status")).hasText("Started");
        assertThat(field(buyer, "order-status")).hasText("On its way");
        // placed and paid at the same instant, in either order; then each step after the one before
        assertThat(field(buyer, "timeline")).containsText("Order placed");
        assertThat(field(buyer, "timeline")).containsText("Paid");
        assertThat(field(buyer, "timeline").locator("li")).containsText(new String[] { "Received by the store",
                "Accepted by the store", "Shipped" });
        assertAccessible(buyer, "an order's page");
        screenshot(buyer, "order-timeline-desktop");

        shop.as("alice").get(shop.gateway + "/api/orders/{id}", orderId).then().statusCode(200)
                .body("lines.size()", is(2)).body("totalAmount", is(3 * 12900));
        Awaitility.await().atMost(ShopApi.SAGA_STEP).untilAsserted(() -> {
            Assertions.assertThat(shop.stockOf(jacket.id(), jacket.skuM())).isEqualTo(4);
            Assertions.assertThat(shop.stockOf(jacket.id(), jacket.skuL())).isEqualTo(3);
        });
    }

    @Test
    void aDeclinedCardIsSaidNextToTheCardAndAnotherCardPays() {
        TestItem jacket = registerJacket();
        Page buyer = browser.signedIn("alice", Screen.DESKTOP);
        addToCart(buyer, jacket, "M", 1);

        checkout(buyer, "tok_declined");
        Locator cardError = buyer.locator("#card-error");
        assertThat(cardError).hasText("Payment declined. Try another card.");
        assertThat(buyer.getByLabel("Card token")).hasAttribute("aria-invalid", "true");

        // with the keyboard alone: the card field, Tab to the button, Enter
        buyer.getByLabel("Card token").fill("tok_visa");
        buyer.keyboard().press("Tab");
        assertThat(button(buyer, "Place order")).isFocused();
        buyer.keyboard().press("Enter");
        orderIdOf(buyer);
        assertThat(field(buyer, "order-status")).hasText("Paid");
    }

    @Test
    void anOrderTheBusyPaymentDeferredIsKeptAndPaidLater() {
        TestItem jacket = registerJacket();
        Page buyer = browser.signedIn("alice", Screen.DESKTOP);
        addToCart(buyer, jacket, "M", 1);

        shop.paymentSimulator(0, 1.0);
        String orderId;
        try {
            checkout(buyer, "");
            orderId = orderIdOf(buyer);
            // Retry-After (10 s) is respected: the button counts down before it lets the buyer pay
            assertThat(button(buyer, Pattern.compile("^Pay in \\d+ s$"))).isDisabled();
            assertThat(field(buyer, "order-status")).hasText("Waiting for payment");
        } finally {
            shop.paymentSimulator(0, 0);
        }
        assertThat(buyer.getByText("Payment is busy, your order is kept: pay in a moment.").first()).isVisible();

        // Playwright is not thread-safe: the page is only touched from the test's own thread. The button goes
        // once the order is paid, maybe between two looks at it: each look waits a moment only, then looks again,
        // a second after the last, when a click's answer has had time to come
        Awaitility.await().atMost(ShopApi.SAGA_STEP).pollInSameThread().pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(TimeoutError.class).untilAsserted(() -> {
            Locator payNow = button(buyer, "Pay now");
            if (payNow.isVisible() && payNow.isEnabled(new Locator.IsEnabledOptions().setTimeout(A_MOMENT_MS))) {
                payNow.click(new Locator.ClickOptions().setTimeout(A_MOMENT_MS));
            }
            Assertions.assertThat(field(buyer, "order-status").textContent()).isEqualTo("Paid");
        });
        shop.awaitOrder("alice", orderId, "PAID");
    }

    @Test
    void aCancellationTheOwnerConfirmsEndsRefundedOnTheBuyersPage() {
        TestItem jacket = registerJacket();
        String orderId = shop.paidOrder("alice", jacket.id(), jacket.skuM(), 1);
        Page buyer = browser.signedIn("alice", Screen.DESKTOP);
        buyer.navigate("/#/orders/" + orderId);
        assertThat(field(buyer, "store-status")).hasText("Received");

        button(buyer, "Cancel this order").click();
        assertThat(field(buyer, "order-status")).hasText("Cancellation requested");
        Page owner = browser.signedIn("owner", Screen.DESKTOP);
        owner.navigate("/#/owner");
        button(owner, "Confirm the cancellation of order " + orderId.substring(0, 8)).click();

        assertThat(field(buyer, "order-status")).hasText("Cancelled");
        assertThat(field(buyer, "payment-status")).hasText("Refunded");
        assertThat(field(buyer, "timeline").locator("li")).containsText(new String[] { "Cancellation requested", "Refunded" });
    }

    @Test
    void anotherBuyerCannotSeeTheOrder() {
        TestItem jacket = registerJacket();
        String orderId = shop.paidOrder("alice", jacket.id(), jacket.skuM(), 1);
        Page bob = browser.signedIn("bob", Screen.DESKTOP);

        bob.navigate("/#/orders/" + orderId);
        assertThat(bob.getByRole(AriaRole.ALERT)).hasText("There is no such order among yours.");
        bob.navigate("/#/orders");
        assertThat(bob.locator("ul.orders")).hasAttribute("aria-busy", "false"); // bob's list has come
        assertThat(bob.getByText(orderId.substring(0, 8))).hasCount(0);
    }

    @Test
    void aDoubleClickOnPlaceOrderMakesOneOrder() {
        TestItem jacket = registerJacket();
        Page buyer = browser.signedIn("alice", Screen.DESKTOP);
        addToCart(buyer, jacket, "M", 1);
        buyer.navigate("/#/cart");
        buyer.getByLabel("Shipping address").fill("1 Hill Road, Innsbruck");

        // the page sends one request however fast the clicks; the shop is asked twice all the same, with the page's key,
        // as when an answer is lost and the browser's request is sent again
        List<Integer> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        buyer.route("**/api/orders", route -> {
            if (!"POST".equals(route.request().method())) {
                route.resume();
                return;
            }
            APIResponse first = route.fetch();
            APIResponse again = route.fetch();
            answers.add(first.status());
            answers.add(again.status());
            route.fulfill(new Route.FulfillOptions().setResponse(again));
        });
        button(buyer, "Place order").dblclick();
        orderIdOf(buyer);
        Assertions.assertThat(answers).containsExactly(201, 201);
        List<Object> orders = shop.as("alice").get(shop.gateway + "/api/orders?size=500").then().statusCode(200)
                .extract().jsonPath().getList("findAll { o -> o.lines.any { l -> l.sku == '%s' } }.id".formatted(jacket.skuM()));
        Assertions.assertThat(orders).hasSize(1);
        Awaitility.await().atMost(ShopApi.SAGA_STEP).untilAsserted(() -> Assertions.assertThat(shop.stockOf(jacket.id(), jacket.skuM()))
                .isEqualTo(4));
    }

    @Test
    void theStorefrontSpeaksKoreanAndFitsAPhone() {
        Page phone = browser.anonymous(Screen.PHONE);
        phone.getByLabel("Search").fill("Linen shirt"); // one of the demo catalogue's items, among the tests' own
        assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Linen shirt"))).isVisible();
        assertAccessible(phone, "the storefront on a phone");
        screenshot(phone, "storefront-phone");

        phone.getByLabel("Language").selectOption("ko");
        assertThat(phone.getByLabel("검색", new Page.GetByLabelOptions().setExact(true))).isVisible();
        assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("장바구니 (0)"))).isVisible();
        assertThat(phone.locator("html")).hasAttribute("lang", "ko");
        phone.reload(); // the choice is kept
        assertThat(phone.getByLabel("검색", new Page.GetByLabelOptions().setExact(true))).isVisible();

        Page desktop = browser.anonymous(Screen.DESKTOP);
        desktop.getByLabel("Search").fill("Linen shirt");
        assertThat(desktop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Linen shirt"))).isVisible();
        assertThat(desktop.getByText("€49.00").first()).isVisible();
        screenshot(desktop, "storefront-desktop");
    }

    @Test
    void theOwnerRegistersAnItemWithTwoVariantsAndEditsIt() {
        String word = "Pleat" + UUID.randomUUID().toString().substring(0, 8);
        Page owner = browser.signedIn("owner", Screen.DESKTOP);
        owner.navigate("/#/owner");
        owner.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(word + " skirt");
        owner.getByLabel("Category").fill("skirts");
        owner.getByLabel("Price (smallest unit, e.g. cents)").fill("3900");
        owner.locator("#sku-0").fill(word + "-S");
        owner.locator("#size-0").fill("S");
        owner.locator("#colour-0").fill("Black");
        owner.locator("#stock-0").fill("4");
        button(owner, "Add a variant").click();
        owner.locator("#sku-1").fill(word + "-M");
        owner.locator("#size-1").fill("M");
        owner.locator("#colour-1").fill("Black");
        owner.locator("#stock-1").fill("6");
        button(owner, "Register").click();
        assertThat(owner.getByText(word + " skirt is registered.")).isVisible();

        button(owner, "Edit " + word + " skirt").click();
        assertThat(owner.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue(word + " skirt");
        owner.getByLabel("Price (smallest unit, e.g. cents)").fill("3500");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(owner.getByText(word + " skirt is saved.")).isVisible();

        Awaitility.await().atMost(ShopApi.SAGA_STEP).untilAsserted(() -> shop.as("alice")
                .get(shop.gateway + "/api/catalog?q={q}", word).then()
                .body("[0].price", is(3500)).body("[0].variants.size()", is(2)));
    }

    @Test
    void theOperatorSeesEveryServiceAndTheBreakerAndSetsThePaymentSimulator() {
        Page operator = browser.signedIn("operator", Screen.DESKTOP);
        operator.navigate("/#/operator");
        for (String service : List.of("store-service", "order-service", "payment-service", "delivery-service", "order-view-service")) {
            assertThat(field(operator, "services").getByRole(AriaRole.ROW, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("^" + service + " "))).first()).containsText("UP");
        }
        assertThat(field(operator, "breakers").locator("tbody tr")).hasCount(2); // one breaker per order-service instance
        assertThat(field(operator, "breakers")).containsText("Closed (calls go through)");
        assertAccessible(operator, "the operator page");

        try {
            operator.getByLabel("Latency of each payment (ms)").fill("7");
            button(operator, "Set the simulator").click();
            assertThat(operator.getByText("The simulator is set on every payment-service instance.")).isVisible();
            shop.as("operator").get(shop.serviceUrl("payment-service") + "/admin/simulator").then().body("latencyMs", is(7));
        } finally {
            shop.paymentSimulator(0, 0);
        }
        // the services check the token behind the runner's admin paths themselves
        shop.as("alice").get(shop.gateway + "/local/admin/payment-service/simulator").then().statusCode(403);
        shop.as("operator").get(shop.gateway + "/local/admin/no-such-service/simulator").then().statusCode(404)
                .contentType("application/problem+json");
        // only the services' /admin paths: a way out of them is refused before any service is asked
        shop.as("operator").urlEncodingEnabled(false).get(shop.gateway + "/local/admin/order-service/%2e%2e/%2e%2e/q/health")
                .then().statusCode(anyOf(is(400), is(404))).contentType("application/problem+json")
                .header("X-Served-By", nullValue());
    }

    @Test
    void theOperatorReadsTheShopsFiguresAndFollowsAnOrderThroughItsTrace() {
        TestItem item = registerJacket();
        String orderId = shop.paidOrder("bob", item.id(), item.skuM(), 1);
        shop.awaitStoreOrder(orderId, "RECEIVED");

        Page operator = browser.signedIn("operator", Screen.DESKTOP);
        operator.navigate("/#/operator");
        // read from every instance's /q/metrics by the runner; the page refreshes them every 2 s
        assertThat(field(operator, "orders").getByRole(AriaRole.ROW, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^paid [1-9]")))).isVisible();
        assertThat(field(operator, "stages").getByRole(AriaRole.ROW, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^paid_to_received [1-9]\\d* \\d+")))).isVisible();
        for (String consumer : List.of("store-service", "delivery-service", "order-view-service")) {
            assertThat(field(operator, "events").getByRole(AriaRole.ROW, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("^" + consumer + " ")))).isVisible();
        }

        operator.getByLabel("Order id").fill(orderId);
        // each service exports its spans in batches of its own: ask again until every one has arrived
        Awaitility.await("the order's spans at the runner").atMost(ShopApi.SAGA_STEP).pollInSameThread().untilAsserted(() -> {
            button(operator, "Show its trace").click();
            for (String service : List.of("gateway", "order-service", "payment-service", "store-service")) {
                assertThat(field(operator, "trace").getByRole(AriaRole.ROWHEADER, new Locator.GetByRoleOptions()
                        .setName(service).setExact(true)).first())
                        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(A_MOMENT_MS));
            }
        });
        assertThat(field(operator, "trace")).containsText("handle OrderPlaced");
        assertAccessible(operator, "the operator page with figures and a trace");
        screenshot(operator, "operator-desktop");
        operator.getByLabel("Order id").fill(UUID.randomUUID().toString());
        button(operator, "Show its trace").click();
        assertThat(operator.getByText(Pattern.compile("^No trace of order"))).isVisible();
    }

    @Test
    void signsInWithTheOidcProviderByAuthorizationCodeWithPkce() {
        Page page = browser.anonymous(Screen.DESKTOP);
        String token = shop.token("alice"); // what the provider hands out: a token the shop's services trust
        Map<String, String> asked = new ConcurrentHashMap<>();
        // the provider, played in the browser: discovery, the sign-in page (which signs alice in at once), the token
        page.context().route(OIDC_ISSUER + "/**", route -> {
            String url = route.request().url();
            Map<String, String> cors = Map.of("Access-Control-Allow-Origin", "*", "Content-Type", "application/json");
            if (url.endsWith("/.well-known/openid-configuration")) {
                route.fulfill(new Route.FulfillOptions().setHeaders(cors).setBody("""
                        {"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/token"}"""
                        .formatted(OIDC_ISSUER)));
            } else if (url.contains("/auth?")) {
                Map<String, String> query = form(url.substring(url.indexOf('?') + 1));
                asked.putAll(query);
                route.fulfill(new Route.FulfillOptions().setStatus(302).setHeaders(Map.of("Location",
                        query.get("redirect_uri") + "?code=the-code&state=" + query.get("state"))));
            } else if (url.endsWith("/token")) {
                Map<String, String> exchange = form(route.request().postData());
                boolean proven = "the-code".equals(exchange.get("code"))
                        && s256(exchange.get("code_verifier")).equals(asked.get("code_challenge"))
                        && exchange.get("client_id").equals(asked.get("client_id"))
                        && exchange.get("redirect_uri").equals(asked.get("redirect_uri"));
                route.fulfill(new Route.FulfillOptions().setStatus(proven ? 200 : 400).setHeaders(cors)
                        .setBody(proven ? "{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\"}" : "{\"error\": \"invalid_grant\"}"));
            } else {
                route.abort();
            }
        });

        page.navigate("/#/sign-in");
        button(page, "Sign in with your shop account").click();
        assertThat(button(page, "Sign out alice")).isVisible();
        Assertions.assertThat(asked).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("client_id", "fashion-shop-web").containsEntry("scope", "openid")
                .containsEntry("redirect_uri", shop.gateway + "/");
        Assertions.assertThat(page.url()).doesNotContain("code=");
        // signed in, the buyer's pages work with the provider's token
        page.navigate("/#/orders");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My orders"))).isVisible();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
