"""What an uploaded document really is: the type is read from the bytes, not from the name.

Accepted: PDF, Word (DOCX), Excel (XLSX), PNG, JPEG and WEBP, at most 20 MB. The extension the
user's file name declares must agree with the content, so that a file named .pdf that is really a
program or a web page is refused with a clear message.
"""

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UPLOAD_MEGABYTES = MAX_UPLOAD_BYTES // (1024 * 1024)
_SNIFF_BYTES = 8192

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Declared extension -> the content type the bytes must have.
EXTENSION_TYPES = {
    "pdf": "application/pdf",
    "docx": DOCX,
    "xlsx": XLSX,
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
}
_TYPE_LABELS = {
    "application/pdf": "PDF",
    DOCX: "Word (DOCX)",
    XLSX: "Excel (XLSX)",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/webp": "WEBP",
}
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in EXTENSION_TYPES)

TOO_LARGE_MESSAGE = _("The file is larger than %(size)s MB. Upload a smaller file (compress or split it).")


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    original_name: str
    size: int
    sha256: str


def _zip_office_type(upload) -> str | None:
    """DOCX or XLSX when the ZIP holds an Office document's parts; None for any other ZIP."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def _image_is_whole(upload) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return False
    finally:
        upload.seek(0)
    return True


def sniff_content_type(upload) -> str | None:
    """The accepted content type of the file's bytes, or None when it is none of them."""
    upload.seek(0)
    head = upload.read(_SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None
    if kind.extension == "pdf":
        return "application/pdf" if head.startswith(b"%PDF-") else None
    if kind.extension in ("zip", "docx", "xlsx"):
        # filetype looks at the first entries only; the ZIP's directory says what it really holds.
        return _zip_office_type(upload)
    if kind.mime in ("image/png", "image/jpeg", "image/webp"):
        return kind.mime if _image_is_whole(upload) else None
    return None


def clean_original_name(name: str) -> str:
    """The file's own name without any folder, control characters or excess length."""
    base = PurePath(name.replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable()).strip() or "document"
    if len(base) > 200:
        stem, dot, extension = base.rpartition(".")
        base = f"{stem[: 200 - len(extension) - 1]}.{extension}" if dot and len(extension) <= 10 else base[:200]
    return base


def check_upload(upload) -> CheckedUpload:
    """Refuse a file that is too large, of a type not accepted, or whose name lies about its type.

    The size is checked first, from what the upload says, before any byte is read.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(TOO_LARGE_MESSAGE, code="too_large", params={"size": MAX_UPLOAD_MEGABYTES})
    name = clean_original_name(upload.name or "")
    extension = PurePath(name).suffix.lower().lstrip(".")
    declared = EXTENSION_TYPES.get(extension)
    if declared is None:
        raise ValidationError(
            _(
                "Files of this kind are not accepted. Upload a PDF, Word (DOCX), Excel (XLSX) "
                "or image (PNG, JPEG, WEBP) file."
            ),
            code="extension",
        )
    actual = sniff_content_type(upload)
    if actual is None:
        raise ValidationError(
            _(
                "The file is named as %(declared)s but its content is not a file the portal accepts. "
                "Open it on your computer, save it again as PDF, DOCX, XLSX or an image, and upload that."
            ),
            code="content",
            params={"declared": _TYPE_LABELS[declared]},
        )
    if actual != declared:
        raise ValidationError(
            _(
                "The file is named as %(declared)s but its content is %(actual)s. "
                "Rename the file with the right extension, or save it again in the right format."
            ),
            code="mismatch",
            params={"declared": _TYPE_LABELS[declared], "actual": _TYPE_LABELS[actual]},
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(content_type=actual, original_name=name, size=upload.size, sha256=digest.hexdigest())


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops receiving a file once it passes the limit, so that an oversized upload is not written
    to a temporary file in full; the view reports it (`request.upload_too_large`)."""

    def __init__(self, request=None, limit: int = MAX_UPLOAD_BYTES):
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.request.upload_too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None
