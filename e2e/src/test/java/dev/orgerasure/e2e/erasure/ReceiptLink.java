package dev.orgerasure.e2e.erasure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receipt download link of a completion e-mail, followed as the requester's mail client does.
 */
final class ReceiptLink {

  private static final Pattern LINK =
      Pattern.compile("https?://\\S+/realms/master/org-erasure/receipt\\?token=[A-Za-z0-9._%-]+");

  private ReceiptLink() {}

  static URI in(String mailText) {
    Matcher link = LINK.matcher(mailText);
    if (!link.find()) {
      throw new AssertionError("no receipt link in: " + mailText);
    }
    return URI.create(link.group());
  }

  /** Without any credentials: the token is the permission. */
  static HttpResponse<String> fetch(URI link) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
