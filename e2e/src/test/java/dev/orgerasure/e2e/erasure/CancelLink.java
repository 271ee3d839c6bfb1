package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.harness.WholeSystem;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cancel link of an "erasure scheduled" e-mail. */
final class CancelLink {

  private static final Pattern LINK =
      Pattern.compile("https?://\\S+/org-erasure/cancel\\?token=[A-Za-z0-9._%-]+");

  private CancelLink() {}

  /** Waits for the "scheduled" e-mail about the organisation; answers its cancel link. */
  static URI mailedTo(WholeSystem system, String address, String organizationName)
      throws InterruptedException {
    String subject = "Organisation " + organizationName + " is scheduled for erasure";
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      Optional<Mailbox.Mail> mail =
          Mailbox.to(system, address).stream().filter(m -> m.subject().equals(subject)).findFirst();
      if (mail.isPresent()) {
        Matcher link = LINK.matcher(mail.get().text());
        if (!link.find()) {
          throw new AssertionError("no cancel link in: " + mail.get().text());
        }
        return URI.create(link.group());
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no scheduled notice to " + address + " about " + organizationName);
  }
}
