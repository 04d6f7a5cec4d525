using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Attachments;

/// <summary>
/// A file kept in the database (table <c>attachments</c>): an ID card scan, a medical record, a signed form. It belongs to
/// an owner named by kind and id as text (e.g. <c>application</c> + its id), so any feature can attach files without a
/// foreign key per feature. Its type is what the content is (<see cref="FileSniffer"/>), never what the name says; its
/// name is normalised (<see cref="AttachmentFileName"/>). Attachments are never changed or deleted.
/// </summary>
public sealed class Attachment : ITenantOwned
{
    private Attachment()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; }

    /// <summary>What the file belongs to: a lower-case code such as <c>application</c> or <c>assessment</c>.</summary>
    public string OwnerKind { get; private init; } = "";

    /// <summary>The owner's id as text.</summary>
    public string OwnerId { get; private init; } = "";

    public string FileName { get; private init; } = "";

    /// <summary>The media type detected from the content: application/pdf, image/jpeg or image/png.</summary>
    public string ContentType { get; private init; } = "";

    public int SizeBytes { get; private init; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; private init; } = "";

    public byte[] Content { get; private init; } = [];

    public string UploadedBy { get; private init; } = "";

    public DateTimeOffset UploadedAt { get; private init; }

    public static Attachment Create(string tenantId, string ownerKind, string ownerId, string fileName, FileKind kind,
        byte[] content, string uploadedBy, DateTimeOffset uploadedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerKind);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(uploadedBy);
        return new Attachment
        {
            TenantId = tenantId, Id = Guid.CreateVersion7(uploadedAt), OwnerKind = ownerKind, OwnerId = ownerId, FileName = fileName,
            ContentType = kind.MediaType, SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            Content = content, UploadedBy = uploadedBy, UploadedAt = uploadedAt,
        };
    }
}
