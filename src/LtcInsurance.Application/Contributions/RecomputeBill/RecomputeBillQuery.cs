using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Contributions.RecomputeBill;

/// <summary>
/// Recomputes a bill of the current tenant as it was computed: the same register data through the engine with the
/// parameters as known at the bill's moment (approved versions decided then), and, beside it, with what is approved now.
/// The stored bill is never changed. Answers null when the bill is not the tenant's.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Auditor, Roles.Admin)]
public sealed record RecomputeBillQuery(Guid BillId) : IRequest<RecomputedBill?>;

/// <param name="ComputedAt">The bill's moment: the knowledge its parameters were read with.</param>
/// <param name="Original">The stored bill's amounts per payer.</param>
/// <param name="AsComputed">Recomputed with the parameters as known at <paramref name="ComputedAt"/>; null when refused.</param>
/// <param name="AsKnownNow">Recomputed with the parameters approved now; null when refused.</param>
/// <param name="OriginalVersions">The parameter values the stored trace records (version null: shipped with the module).</param>
/// <param name="Matches">The recomputation as computed gives the stored amounts and the same parameter versions.</param>
public sealed record RecomputedBill(
    Guid BillId,
    string Period,
    DateTimeOffset ComputedAt,
    IReadOnlyList<BillAmount> Original,
    RecomputedAmounts? AsComputed,
    RecomputedAmounts? AsKnownNow,
    IReadOnlyList<UsedParameter> OriginalVersions,
    bool Matches);

public sealed record BillAmount(string Payer, decimal Amount);

/// <param name="RefusalCode">The engine's refusal (e.g. parameter_missing) when the case could not be computed.</param>
public sealed record RecomputedAmounts(
    decimal Total,
    IReadOnlyList<BillAmount> Lines,
    IReadOnlyList<UsedParameter> Parameters,
    string? RefusalCode,
    string? RefusalMessage);

/// <param name="Value">Canonical text of the value used.</param>
/// <param name="Version">The stored version used; null for a value shipped with the city module.</param>
public sealed record UsedParameter(string Name, string Value, DateOnly EffectiveFrom, int? Version);
