using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Attachments.ListAttachments;

/// <summary>An owner's attachments (without their content), oldest first.</summary>
[RequiresRole(Roles.Clerk, Roles.Institution, Roles.Assessor, Roles.Auditor, Roles.Admin)]
public sealed record ListAttachmentsQuery(string? OwnerKind, string? OwnerId) : IRequest<IReadOnlyList<AttachmentView>>;
