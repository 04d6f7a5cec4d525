using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.MarkNoticePrinted;

/// <summary>
/// Marks a notice of an application printed: the PDF as printed is kept as the application's attachment (who and when), once
/// per notice. Refused when the application has not issued that notice or it is already printed.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record MarkNoticePrintedCommand(Guid ApplicationId, string Kind) : IRequest<NoticePrinted>;

public sealed record NoticePrinted(Guid AttachmentId, string FileName, string Message);
