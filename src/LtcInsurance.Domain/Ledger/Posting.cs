namespace LtcInsurance.Domain.Ledger;

/// <summary>One line of a journal entry: an amount in yuan on one side of one account.</summary>
public sealed record Posting
{
    /// <summary>Largest amount a posting may carry; the database column is numeric(18,2).</summary>
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;

    public Posting(string accountCode, Side side, decimal amount)
    {
        if (string.IsNullOrWhiteSpace(accountCode))
            throw new LedgerRuleException(LedgerRules.MissingField, "分录缺少账户 / posting without account");
        if (!IsValidAmount(amount))
            throw new LedgerRuleException(LedgerRules.InvalidAmount,
                $"金额须大于零且最多两位小数 / amount must be > 0 with at most 2 decimals: {amount}");
        AccountCode = accountCode;
        Side = side;
        Amount = amount;
    }

    private Posting(string accountCode, Side side, decimal amount, bool _)
    {
        AccountCode = accountCode;
        Side = side;
        Amount = amount;
    }

    public string AccountCode { get; }
    public Side Side { get; }
    public decimal Amount { get; }

    /// <summary>Debit-positive amount: what this posting adds to the account's debit balance.</summary>
    public decimal SignedAmount => Side == Side.Debit ? Amount : -Amount;

    public static Posting Debit(string accountCode, decimal amount) => new(accountCode, Side.Debit, amount);
    public static Posting Credit(string accountCode, decimal amount) => new(accountCode, Side.Credit, amount);

    /// <summary>The same amount on the other side: the line of a reversing entry.</summary>
    public Posting Swapped() => new(AccountCode, Side.Opposite(), Amount);

    /// <summary>
    /// A posting as read back from the books, not checked: the books are evidence, and
    /// <see cref="ChainVerifier"/> (not the reader) judges whether they were altered.
    /// </summary>
    public static Posting FromStore(string accountCode, Side side, decimal amount) => new(accountCode, side, amount, true);

    public static bool IsValidAmount(decimal amount) =>
        amount > 0m && amount <= MaxAmount && decimal.Round(amount, 2) == amount;
}
