package dev.fashionshop.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.fashionshop.testsupport.KafkaTestClient;
import dev.fashionshop.testsupport.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PaymentResourceTest extends ServiceTest {

    static String payment(String orderId, String token) {
        return """
                {"orderId": "%s", "amount": 5000, "currency": "EUR"%s}"""
                .formatted(orderId, token == null ? "" : ", \"paymentToken\": \"" + token + "\"");
    }

    @Test
    void aPaymentIsApprovedAndAnnounced() {
        String orderId = UUID.randomUUID().toString();

        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON).body(payment(orderId, "tok_visa"))
                .when().post("/payments")
                .then().statusCode(201)
                .body("status", is("APPROVED")).body("orderId", is(orderId)).body("paymentId", notNullValue());

        ConsumerRecord<String, String> approved = kafka.awaitRecord("payments", r -> orderId.equals(r.key()));
        assertThat(KafkaTestClient.header(approved, "ce_type")).isEqualTo("PaymentApproved");
        assertThat(approved.value()).contains("\"amount\":5000", "\"buyerId\":\"alice\"");
    }

    @Test
    void theDeclinedTestTokenIsDeclined() {
        String orderId = UUID.randomUUID().toString();

        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON).body(payment(orderId, "tok_declined"))
                .when().post("/payments")
                .then().statusCode(201).body("status", is("DECLINED"));

        ConsumerRecord<String, String> declined = kafka.awaitRecord("payments", r -> orderId.equals(r.key()));
        assertThat(KafkaTestClient.header(declined, "ce_type")).isEqualTo("PaymentDeclined");
    }

    @Test
    void payingTheSameOrderAgainAnswersTheFirstResultAndChargesOnce() {
        String orderId = UUID.randomUUID().toString();
        String first = given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON)
                .body(payment(orderId, null))
                .when().post("/payments")
                .then().statusCode(201).extract().path("paymentId");

        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON).body(payment(orderId, "tok_declined"))
                .when().post("/payments")
                .then().statusCode(200).body("paymentId", is(first)).body("status", is("APPROVED"));

        assertThat(database.queryForLong("select count(*) from payment where order_id = ?::uuid", orderId)).isEqualTo(1);
        assertThat(database.queryForLong("select count(*) from outbox_event where record_key = ?", orderId)).isEqualTo(1);
    }

    @Test
    void badInputIsA400ProblemAndChargesNothing() {
        long before = database.queryForLong("select count(*) from payment");
        given().auth().oauth2(tokens.buyer("alice")).contentType(ContentType.JSON)
                .body("{\"amount\": -5, \"currency\": \"EUR\"}")
                .when().post("/payments")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(database.queryForLong("select count(*) from payment")).isEqualTo(before);
    }

    @Test
    void onlyAnAuthenticatedBuyerPays() {
        String body = payment(UUID.randomUUID().toString(), null);
        given().contentType(ContentType.JSON).body(body).when().post("/payments").then().statusCode(401);
        given().auth().oauth2(tokens.owner()).contentType(ContentType.JSON).body(body)
                .when().post("/payments").then().statusCode(403);
    }
}
