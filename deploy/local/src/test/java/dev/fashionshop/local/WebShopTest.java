package dev.fashionshop.local;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.fashionshop.local.ShopBrowser.assertAccessible;
import static dev.fashionshop.local.ShopBrowser.screenshot;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.fashionshop.local.ShopBrowser.Screen;

/**
 * The web UI in Chromium against the real local run: a buyer and the owner, each in a browser of their own,
 * go through the saga by clicking, and every change reaches the buyer's page without a reload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningShop.class)
class WebShopTest {

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
    void everyInvariantHolds() throws Exception {
        shop.assertAuditPasses();
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
        assertThat(buyer.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("items"))).hasText("1 items");
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
        assertThat(field(buyer, "timeline").locator("li")).containsText(new String[] { "Order placed", "Paid", "Received by the store",
                "Accepted by the store", "Shipped" });
        assertAccessible(buyer, "an order's page");
        screenshot(buyer, "order-timeline-desktop");

        shop.as("alice").get(shop.gateway + "/api/orders/{id}", orderId).then().statusCode(200)
                .body("lines.size()", is(2)).body("totalAmount", is(3 * 12900));
        Assertions.assertThat(shop.stockOf(jacket.id())).isEqualTo(15 - 3 - 5 - 5 + 5 + 5); // only M and L were taken from
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

        buyer.getByLabel("Card token").fill("tok_visa");
        button(buyer, "Place order").click();
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
            assertThat(field(buyer, "order-status")).hasText("Waiting for payment");
        } finally {
            shop.paymentSimulator(0, 0);
        }
        assertThat(buyer.getByText("Payment is busy, your order is kept: pay in a moment.").first()).isVisible();
        // Retry-After is respected: the button counts down before it lets the buyer pay
        assertThat(button(buyer, Pattern.compile("^Pay in \\d+ s$").pattern())).isDisabled();

        Awaitility.await().atMost(ShopApi.SAGA_STEP).untilAsserted(() -> {
            Locator payNow = button(buyer, "Pay now");
            if (payNow.isVisible() && payNow.isEnabled()) {
                payNow.click();
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
        assertThat(bob.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My orders"))).isVisible();
        assertThat(bob.getByText(orderId.substring(0, 8))).hasCount(0);
    }

    @Test
    void aDoubleClickOnPlaceOrderMakesOneOrder() {
        TestItem jacket = registerJacket();
        Page buyer = browser.signedIn("alice", Screen.DESKTOP);
        addToCart(buyer, jacket, "M", 1);
        buyer.navigate("/#/cart");
        buyer.getByLabel("Shipping address").fill("1 Hill Road, Innsbruck");

        button(buyer, "Place order").dblclick();
        orderIdOf(buyer);
        List<Object> orders = shop.as("alice").get(shop.gateway + "/api/orders?size=500").then().statusCode(200)
                .extract().jsonPath().getList("findAll { o -> o.lines.any { l -> l.sku == '%s' } }.id".formatted(jacket.skuM()));
        Assertions.assertThat(orders).hasSize(1);
        Awaitility.await().atMost(ShopApi.SAGA_STEP).untilAsserted(() -> Assertions.assertThat(shop.stockOf(jacket.id()))
                .isEqualTo(9));
    }

    @Test
    void theStorefrontSpeaksKoreanAndFitsAPhone() {
        Page phone = browser.anonymous(Screen.PHONE);
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
        assertThat(desktop.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Linen shirt"))).isVisible();
        assertThat(desktop.getByText("€49.00").first()).isVisible();
        screenshot(desktop, "storefront-desktop");
    }
}
