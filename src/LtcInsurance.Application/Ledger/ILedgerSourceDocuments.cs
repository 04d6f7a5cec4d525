namespace LtcInsurance.Application.Ledger;

/// <summary>One payer's share of a bill (payer is the engine's code, e.g. individual, medical_fund).</summary>
public sealed record BillLineView(string Payer, decimal Amount);

/// <summary>A parameter value an engine step used, with the clause that sets it.</summary>
public sealed record TraceParameterView(string Name, string Clause, string Unit, string Value, string EffectiveFrom, string Source);

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
    Guid BillId,
    string Period,
    Guid PersonId,
    string? PersonName,
    string Scheme,
    string RegionCode,
    decimal Total,
    decimal IndividualDue,
    IReadOnlyList<BillLineView> Lines,
    IReadOnlyList<TraceStepView> Steps);

/// <summary>
/// The business documents behind the current tenant's entries, so an auditor can go from an amount in the books to the
/// policy calculation that produced it.
/// </summary>
public interface ILedgerSourceDocuments
{
    /// <summary>The bill the entry <paramref name="sequence"/> booked, or null when the entry did not book a bill of this tenant.</summary>
    Task<BillSourceView?> BillForEntryAsync(long sequence, CancellationToken cancellationToken = default);
}
