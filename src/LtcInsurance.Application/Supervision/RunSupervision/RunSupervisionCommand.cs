using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Supervision.RunSupervision;

/// <summary>
/// Runs the anomaly rules over one service month (<paramref name="Month"/>, <c>YYYY-MM</c>) or, when null, over the
/// current month and the two before it; stores new flags. Repeating a run raises nothing new. The nightly job and
/// <c>ltc supervise run</c> send it (<paramref name="Scheduled"/>: the flags say they came from the nightly run).
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record RunSupervisionCommand(string? Month, bool Scheduled = false) : IRequest<SupervisionRunResult>;
