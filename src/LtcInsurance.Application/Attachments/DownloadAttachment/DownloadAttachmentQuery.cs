using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Attachments.DownloadAttachment;

/// <summary>An attachment's file, or null when the current tenant has none with this id.</summary>
[RequiresRole(Roles.Clerk, Roles.Institution, Roles.Assessor, Roles.Auditor, Roles.Admin)]
public sealed record DownloadAttachmentQuery(Guid Id) : IRequest<AttachmentFile?>;
