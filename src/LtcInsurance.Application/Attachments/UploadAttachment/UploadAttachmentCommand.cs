using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Attachments.UploadAttachment;

/// <summary>
/// Keeps a file (PDF, JPEG or PNG, at most <see cref="AttachmentLimits.MaxBytes"/>) for an owner, e.g. an application's
/// ID card scan. The type is detected from the content; a file whose content is none of the three, or whose name says
/// another type, is refused. The name is normalised. Recorded with who uploaded it and when.
/// </summary>
/// <param name="OwnerKind">What it belongs to, a lower-case code such as <c>application</c>.</param>
/// <param name="OwnerId">The owner's id as text.</param>
/// <param name="FileName">The name the file had on the uploader's machine (any length; normalised).</param>
/// <param name="Content">The bytes.</param>
[RequiresRole(Roles.Clerk, Roles.Institution, Roles.Assessor, Roles.Admin)]
public sealed record UploadAttachmentCommand(string? OwnerKind, string? OwnerId, string? FileName, byte[]? Content)
    : IRequest<AttachmentView>;
