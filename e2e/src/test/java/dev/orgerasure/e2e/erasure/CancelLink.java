package dev.orgerasure.e2e.erasure;

import static org.awaitility.Awaitility.await;

import dev.orgerasure.e2e.harness.WholeSystem;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cancel link of an "erasure scheduled" e-mail. */
final class CancelLink {

  private static final Pattern LINK =
      Pattern.compile("https?://\\S+/org-erasure/cancel\\?token=[A-Za-z0-9._%-]+");

  private CancelLink() {}

  /** Waits for the "scheduled" e-mail about the organisation; answers its cancel link. */
  static URI mailedTo(WholeSystem system, String address, String organizationName) {
    String subject = "Organisation " + organizationName + " is scheduled for erasure";
    Mailbox.Mail mail =
        await("the scheduled notice to " + address + " about " + organizationName)
            .atMost(Duration.ofSeconds(30))
            .pollInSameThread()
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    Mailbox.to(system, address).stream()
                        .filter(m -> m.subject().equals(subject))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    Matcher link = LINK.matcher(mail.text());
    if (!link.find()) {
      throw new AssertionError("no cancel link in: " + mail.text());
    }
    return URI.create(link.group());
  }
}
