using System.Globalization;

namespace LtcInsurance.Domain;

// Typed ids where a mix-up is easy and costly: a person's id passed as a bill's, a journal sequence as a row count.
// Requests and responses of the use cases carry these; the tables keep plain uuid / bigint columns.

/// <summary>An insured person of the register.</summary>
public readonly record struct PersonId(Guid Value)
{
    public override string ToString() => Value.ToString();

    public static PersonId Parse(string text) => new(Guid.Parse(text, CultureInfo.InvariantCulture));
}

/// <summary>A contribution bill (缴费单).</summary>
public readonly record struct BillId(Guid Value)
{
    public override string ToString() => Value.ToString();

    public static BillId Parse(string text) => new(Guid.Parse(text, CultureInfo.InvariantCulture));
}

/// <summary>A journal entry of a tenant's books, by its place in the tenant's hash chain (1, 2, ...).</summary>
public readonly record struct EntrySequence(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A monthly claim of a care provider (月度结算申报).</summary>
public readonly record struct ClaimId(Guid Value)
{
    public override string ToString() => Value.ToString();
}
