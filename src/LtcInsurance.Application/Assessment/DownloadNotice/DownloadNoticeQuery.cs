using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.DownloadNotice;

/// <summary>
/// A notice of an application (<see cref="AssessmentNotices"/>: acceptance, refusal, completion or the conclusion letter) as a
/// printable Chinese PDF, laid out from the stored decision (ADR 0006); refused when the application has not issued it.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record DownloadNoticeQuery(Guid ApplicationId, string Kind) : IRequest<DocumentFile>;
