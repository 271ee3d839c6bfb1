package dev.orgerasure.audit.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal self-signed X.509 (version 1) certificate for an EC P-256 or an Ed25519 key (RFC 8410).
 * A PKCS#12 key entry must carry a certificate, and the JDK has no public API that makes one; the
 * few DER structures it takes are written here rather than bringing in a whole ASN.1 library.
 * Nothing ever checks the certificate: it only carries the public key beside the private one.
 */
final class SelfSignedCertificate {

  private static final int INTEGER = 0x02;
  private static final int BIT_STRING = 0x03;
  private static final int OBJECT_IDENTIFIER = 0x06;
  private static final int UTF8_STRING = 0x0c;
  private static final int UTC_TIME = 0x17;
  private static final int GENERALIZED_TIME = 0x18;
  private static final int SEQUENCE = 0x30;
  private static final int SET = 0x31;

  private static final byte[] ECDSA_WITH_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
  private static final byte[] ED25519 = oid(1, 3, 101, 112);
  private static final byte[] COMMON_NAME = oid(2, 5, 4, 3);

  /** The date X.509 uses for a certificate that has no real expiry. */
  private static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

  private SelfSignedCertificate() {}

  static X509Certificate create(KeyPair keys, String commonName) throws GeneralSecurityException {
    // Ed25519 signs the certificate with itself; its algorithm identifier has no parameters.
    boolean ed25519 =
        keys.getPublic() instanceof EdECPublicKey edKey
            && "Ed25519".equals(edKey.getParams().getName());
    if (!ed25519 && !(keys.getPublic() instanceof ECPublicKey)) {
      throw new IllegalArgumentException("only EC and Ed25519 keys get a certificate here");
    }
    byte[] algorithm = tlv(SEQUENCE, ed25519 ? ED25519 : ECDSA_WITH_SHA256);
    byte[] name =
        tlv(
            SEQUENCE,
            tlv(
                SET,
                tlv(
                    SEQUENCE,
                    COMMON_NAME,
                    tlv(UTF8_STRING, commonName.getBytes(StandardCharsets.UTF_8)))));
    byte[] serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray();
    byte[] toBeSigned =
        tlv(
            SEQUENCE,
            tlv(INTEGER, serial),
            algorithm,
            name,
            tlv(SEQUENCE, time(Instant.now()), time(NO_EXPIRY)),
            name,
            keys.getPublic().getEncoded());
    Signature signature = Signature.getInstance(ed25519 ? "Ed25519" : "SHA256withECDSA");
    signature.initSign(keys.getPrivate());
    signature.update(toBeSigned);
    byte[] signatureBits = concat(new byte[] {0}, signature.sign());
    byte[] certificate = tlv(SEQUENCE, toBeSigned, algorithm, tlv(BIT_STRING, signatureBits));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(certificate));
  }

  /** UTCTime up to 2049, GeneralizedTime from 2050, as X.509 asks. */
  private static byte[] time(Instant instant) {
    int year = instant.atZone(ZoneOffset.UTC).getYear();
    boolean utc = year < 2050;
    String pattern = utc ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'";
    String text = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(instant);
    return tlv(utc ? UTC_TIME : GENERALIZED_TIME, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] oid(int first, int second, int... rest) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(40 * first + second);
    for (int arc : rest) {
      int shift = 28;
      while (shift > 0 && (arc >>> shift) == 0) {
        shift -= 7;
      }
      for (; shift > 0; shift -= 7) {
        body.write(0x80 | ((arc >>> shift) & 0x7f));
      }
      body.write(arc & 0x7f);
    }
    return tlv(OBJECT_IDENTIFIER, body.toByteArray());
  }

  private static byte[] tlv(int tag, byte[]... contents) {
    byte[] body = concat(contents);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (body.length < 0x80) {
      out.write(body.length);
    } else {
      byte[] length = BigInteger.valueOf(body.length).toByteArray();
      int skip = length[0] == 0 ? 1 : 0;
      out.write(0x80 | (length.length - skip));
      out.write(length, skip, length.length - skip);
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
