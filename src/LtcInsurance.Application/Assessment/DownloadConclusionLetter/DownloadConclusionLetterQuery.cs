using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.DownloadConclusionLetter;

/// <summary>
/// The conclusion letter (结论书) of a concluded application of the current tenant as a printable Chinese PDF, filled from
/// the stored conclusion and laid out by <c>ConclusionLetterNotice</c> (ADR 0006).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Assessor, Roles.Admin)]
public sealed record DownloadConclusionLetterQuery(Guid ApplicationId, DateOnly? Date = null) : IRequest<DocumentFile>;
