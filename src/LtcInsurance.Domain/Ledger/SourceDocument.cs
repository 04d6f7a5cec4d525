namespace LtcInsurance.Domain.Ledger;

/// <summary>The business document that caused an entry.</summary>
public enum SourceDocumentType
{
    /// <summary>A contribution bill (筹资/缴费单).</summary>
    Bill,
    /// <summary>A provider's monthly claim (结算申请).</summary>
    Claim,
    /// <summary>A settlement run paying providers or assessors.</summary>
    Settlement,
    /// <summary>An agency or assessment fee.</summary>
    Fee,
    /// <summary>A period or year-end closing entry made by the ledger itself.</summary>
    Closing,
}

/// <summary>Type and reference of the document behind an entry, e.g. (Claim, "CLM-2027-01-0042").</summary>
public sealed record SourceDocument
{
    public SourceDocument(SourceDocumentType type, string reference)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 200)
            throw new LedgerRuleException(LedgerRules.MissingField, "原始凭证编号无效 / invalid source document reference");
        Type = type;
        Reference = reference;
    }

    public SourceDocumentType Type { get; }
    public string Reference { get; }
}
