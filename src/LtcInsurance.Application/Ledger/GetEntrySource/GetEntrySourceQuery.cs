using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Ledger.GetEntrySource;

/// <summary>One payer's share of a bill (payer is the engine's code, e.g. individual, medical_fund).</summary>
public sealed record BillLineView(string Payer, decimal Amount);

/// <summary>A parameter value an engine step used, with the clause that sets it.</summary>
/// <param name="Version">The tenant's stored parameter version the value came from; null for a value shipped with the city module.</param>
/// <param name="Demo">The stored version used is a demo value (演示值, development seeder only).</param>
public sealed record TraceParameterView(string Name, string Clause, string Unit, string Value, string EffectiveFrom, string Source, int? Version = null,
    bool Demo = false);

/// <summary>One applied rule of the engine, its inputs and its result written as text (name, value).</summary>
public sealed record TraceStepView(
    string Rule,
    string Clause,
    string Description,
    IReadOnlyList<TraceParameterView> Parameters,
    IReadOnlyList<KeyValuePair<string, string>> Inputs,
    IReadOnlyList<KeyValuePair<string, string>> Result);

/// <summary>The contribution bill behind a journal entry: who, which period, the payers' shares and the engine's trace.</summary>
public sealed record BillSourceView(
    BillId BillId,
    string Period,
    PersonId PersonId,
    string? PersonName,
    string Scheme,
    string RegionCode,
    decimal Total,
    decimal IndividualDue,
    IReadOnlyList<BillLineView> Lines,
    IReadOnlyList<TraceStepView> Steps);

/// <summary>
/// The business document behind an entry of the current tenant's books, so an auditor can go from an amount in the
/// books to the policy calculation that produced it: the contribution bill <see cref="Bill"/> if the entry booked it, or
/// (no bill named) the entry's only bill; null when the entry did not book that bill of this tenant, or booked several
/// and none was named (only bills carry the engine's trace so far).
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin)]
public sealed record GetEntrySourceQuery(EntrySequence Sequence, BillId? Bill = null) : IRequest<BillSourceView?>;
