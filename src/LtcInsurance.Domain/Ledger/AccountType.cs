namespace LtcInsurance.Domain.Ledger;

/// <summary>The five elements of fund accounting; the type decides an account's normal side.</summary>
public enum AccountType
{
    Asset,
    Liability,
    Income,
    Expense,
    Equity,
}

/// <summary>The side of a posting.</summary>
public enum Side
{
    Debit,
    Credit,
}

public static class AccountTypeExtensions
{
    /// <summary>Assets and expenses grow with debits; liabilities, income and equity with credits.</summary>
    public static Side NormalSide(this AccountType type) =>
        type is AccountType.Asset or AccountType.Expense ? Side.Debit : Side.Credit;

    public static Side Opposite(this Side side) => side == Side.Debit ? Side.Credit : Side.Debit;
}
