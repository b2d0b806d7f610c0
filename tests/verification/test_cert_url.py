"""Step 1: the certificate URL must be Amazon's, checked after decoding and resolving dot
segments: https://s3.amazonaws.com/echo.api/<name>.pem, as Alexa's own URLs are."""

import pytest

from skill.verification import VerificationError, chain_url


@pytest.mark.parametrize(
    "url, fetched",
    [
        (
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "https://s3.amazonaws.com/echo.api/./echo-api-cert.pem?x=1#y",
            "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        ),
        (
            "https://s3.amazonaws.com/echo.api//echo%2Dapi_cert.12.pem",
            "https://s3.amazonaws.com/echo.api/echo-api_cert.12.pem",
        ),
    ],
)
def test_amazons_urls_pass_and_the_checked_url_is_what_is_fetched(url, fetched):
    assert chain_url(url) == fetched


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "not https"),
        ("ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem", "not https"),
        ("https://notamazon.com/echo.api/echo-api-cert.pem", "host"),
        ("https://s3.amazonaws.com.evil.com/echo.api/echo-api-cert.pem", "host"),
        ("https://evil.com/s3.amazonaws.com/echo.api/echo-api-cert.pem", "host"),
        ("https://s3.amazonaws.com@evil.com/echo.api/echo-api-cert.pem", "host"),
        ("https://evil.com@s3.amazonaws.com/echo.api/echo-api-cert.pem", "host"),
        ("https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem", "port"),
        ("https://s3.amazonaws.com:80/echo.api/echo-api-cert.pem", "port"),
        ("https://s3.amazonaws.com:notaport/echo.api/echo-api-cert.pem", "not a URL"),
        ("https://s3.amazonaws.com/echo.api/../x", "path"),
        ("https://s3.amazonaws.com/echo.api/%2e%2e/x", "path"),
        ("https://s3.amazonaws.com/ECHO.API/echo-api-cert.pem", "path"),
        ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "path"),
        ("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "path"),
        ("https://s3.amazonaws.com/echo.api", "path"),
        ("https://s3.amazonaws.com/echo.api/", "path"),
        ("https://s3.amazonaws.com/echo.api/echo-api-cert", "path"),
        ("https://s3.amazonaws.com/echo.api/echo-api-cert.pem.txt", "path"),
        ("https://s3.amazonaws.com/echo.api/echo-api-cert.PEM", "path"),
        ("https://s3.amazonaws.com/echo.api/sub/echo-api-cert.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/a%2F..%2F..%2Fx.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/cert%0a.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/cert%00.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/a b.pem", "path"),
        ("https://s3.amazonaws.com/echo.api/%C3%A9.pem", "path"),
        ("https://s3.amazonaws.com//echo.api/echo-api-cert.pem", "path"),
        ("https://s3.amazonaws.com", "path"),
        ("s3.amazonaws.com/echo.api/echo-api-cert.pem", "not https"),
        ("", "not https"),
        ("https://s3.amazonaws.com/echo.api/" + "a" * 3000, "too long"),
    ],
)
def test_other_urls_are_refused(url, reason):
    with pytest.raises(VerificationError) as refused:
        chain_url(url)
    assert reason in refused.value.reason
    assert refused.value.status == 400
    assert refused.value.check == "cert_url"
