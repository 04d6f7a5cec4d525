using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Enrollment;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Supervision.ListFlags;

/// <summary>
/// The supervision queue: flags newest first, filtered by rule, status, provider or claim, one page at a time. Clerks
/// see it too (the claim review screen lists a claim's flags).
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin, Roles.Clerk)]
public sealed record ListFlagsQuery(FlagFilter Filter, int Skip, int Take) : IRequest<Page<FlagRow>>;
