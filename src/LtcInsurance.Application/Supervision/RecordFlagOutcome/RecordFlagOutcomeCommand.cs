using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Supervision.RecordFlagOutcome;

/// <summary>
/// An auditor's outcome of a flag (<c>confirmed</c>, <c>dismissed</c>, <c>recovered</c>) with a note: appended to the
/// flag's history with who and when (never changed); the flag shows the latest. A later outcome may follow an earlier
/// one (e.g. confirmed, then recovered).
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record RecordFlagOutcomeCommand(Guid FlagId, string Outcome, string Note) : IRequest<Guid>;
