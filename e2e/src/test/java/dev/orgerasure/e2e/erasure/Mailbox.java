package dev.orgerasure.e2e.erasure;

import dev.orgerasure.e2e.harness.WholeSystem;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** What the run's real SMTP server (GreenMail) received. */
final class Mailbox {

  record Mail(String subject, String text, String html) {}

  private Mailbox() {}

  static List<Mail> to(WholeSystem system, String address) {
    return Arrays.stream(system.mail().getReceivedMessages())
        .filter(message -> isFor(message, address))
        .map(Mailbox::read)
        .toList();
  }

  private static boolean isFor(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getAllRecipients())
          .anyMatch(recipient -> recipient.toString().contains(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Mail read(MimeMessage message) {
    try {
      String text = "";
      String html = "";
      if (message.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart part = multipart.getBodyPart(i);
          if (part.isMimeType("text/plain")) {
            text = part.getContent().toString();
          } else if (part.isMimeType("text/html")) {
            html = part.getContent().toString();
          }
        }
      } else {
        text = message.getContent().toString();
      }
      return new Mail(message.getSubject(), text, html);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
