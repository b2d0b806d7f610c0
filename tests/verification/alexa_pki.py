"""A root CA, an intermediate and Alexa-like signing certificates, made offline for tests.

Shaped like Amazon's real chain (RSA 2048, SHA-256, the extensions a web PKI verifier
expects), so the checks that pass here are the checks Alexa's chain has to pass.
"""

from __future__ import annotations

import base64
import ipaddress
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SIGNING_NAME = "echo-api.amazon.com"
CHAIN_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem"
DAY = timedelta(days=1)
LEAF_USAGE = x509.ExtendedKeyUsage(
    [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
)


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=not ca,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def issue(
    subject: str,
    key: rsa.RSAPrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: rsa.RSAPrivateKey,
    *,
    ca: bool,
    not_before: datetime,
    not_after: datetime,
    names: tuple[str, ...] = (),
    ips: tuple[str, ...] = (),
) -> x509.Certificate:
    """One certificate; ``issuer=None`` makes it self-signed (a root)."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer.subject if issuer else _name(subject))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(_usage(ca=ca), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    if not ca:
        builder = builder.add_extension(
            LEAF_USAGE,
            critical=False,
        )
    if names or ips:
        general = [x509.DNSName(name) for name in names]
        general += [x509.IPAddress(ipaddress.ip_address(ip)) for ip in ips]
        builder = builder.add_extension(x509.SubjectAlternativeName(general), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def pem(*certificates: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)


def sign(key: rsa.RSAPrivateKey, body: bytes) -> str:
    """What Alexa puts in ``Signature-256``: base64 RSA-SHA256 over the body."""
    return base64.b64encode(key.sign(body, padding.PKCS1v15(), hashes.SHA256())).decode()


class PKI:
    """A root and an intermediate valid for a year around ``now``, and leaves on demand."""

    def __init__(self, now: datetime | None = None, name: str = "Test"):
        self.now = now or datetime.now(UTC)
        self.root_key = new_key()
        self.root = issue(
            f"{name} Root CA",
            self.root_key,
            None,
            self.root_key,
            ca=True,
            not_before=self.now - 365 * DAY,
            not_after=self.now + 3650 * DAY,
        )
        self.intermediate_key = new_key()
        self.intermediate = issue(
            f"{name} RSA 2048 M02",
            self.intermediate_key,
            self.root,
            self.root_key,
            ca=True,
            not_before=self.now - 365 * DAY,
            not_after=self.now + 1825 * DAY,
        )

    def leaf(
        self,
        key: rsa.RSAPrivateKey,
        *,
        names: tuple[str, ...] = (SIGNING_NAME,),
        ips: tuple[str, ...] = (),
        not_before: datetime | None = None,
        not_after: datetime | None = None,
    ) -> x509.Certificate:
        """A signing certificate for ``key``, valid from a day ago for 30 days by default."""
        return issue(
            names[0] if names else "no-san.example",
            key,
            self.intermediate,
            self.intermediate_key,
            ca=False,
            not_before=not_before or self.now - DAY,
            not_after=not_after or self.now + 30 * DAY,
            names=names,
            ips=ips,
        )

    def chain(self, leaf: x509.Certificate) -> bytes:
        """The PEM file Alexa's URL serves: the leaf, then the intermediate."""
        return pem(leaf, self.intermediate)
