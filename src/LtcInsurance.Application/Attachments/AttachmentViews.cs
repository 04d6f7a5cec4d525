using System.Text.RegularExpressions;

namespace LtcInsurance.Application.Attachments;

/// <summary>An attachment as lists show it (no content).</summary>
public sealed record AttachmentView(
    Guid Id,
    string OwnerKind,
    string OwnerId,
    string FileName,
    string ContentType,
    int SizeBytes,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt);

/// <summary>A stored file to send back: its safe name, detected media type and bytes.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>The limits of attachments and the shape of owner references.</summary>
public static partial class AttachmentLimits
{
    /// <summary>
    /// The largest file kept: 10 MiB holds a scanned ID card or a multi-page medical record as PDF; a larger scan should
    /// be split or scanned at a lower resolution. (Stored in the database: a bigger limit makes every backup bigger.)
    /// </summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    public const int OwnerKindMaxLength = 32;
    public const int OwnerIdMaxLength = 64;

    /// <summary>The accepted types, for the upload control (<c>accept</c>).</summary>
    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    /// <summary>A lower-case code: letter first, then letters, digits or underscores (e.g. <c>application</c>).</summary>
    public static bool IsOwnerKind(string? kind) => kind is { Length: > 0 and <= OwnerKindMaxLength } && OwnerKindPattern().IsMatch(kind);

    /// <summary>Letters, digits, '-', '_' or '.', as ids (guids, numbers, codes) are written.</summary>
    public static bool IsOwnerId(string? id) => id is { Length: > 0 and <= OwnerIdMaxLength } && OwnerIdPattern().IsMatch(id);

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.#} MB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB");

    [GeneratedRegex(@"^[a-z][a-z0-9_]*\z")]
    private static partial Regex OwnerKindPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+\z")]
    private static partial Regex OwnerIdPattern();
}
