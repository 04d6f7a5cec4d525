namespace LtcInsurance.Domain.Ledger.Reports;

public sealed record TrialBalanceRow(string Code, string Name, AccountType Type, string? RegionCode,
    decimal Debits, decimal Credits)
{
    /// <summary>Debit-positive balance.</summary>
    public decimal Balance => Debits - Credits;
}

/// <summary>Trial balance (试算平衡表): per account debits, credits and balance; the balances sum to zero.</summary>
public sealed record TrialBalance(LedgerPeriod? Through, IReadOnlyList<TrialBalanceRow> Rows)
{
    public decimal TotalDebits => Rows.Sum(r => r.Debits);
    public decimal TotalCredits => Rows.Sum(r => r.Credits);
    public bool IsBalanced => TotalDebits == TotalCredits;

    /// <summary>Every account of the chart appears, in code order, including those without postings.</summary>
    public static TrialBalance Compute(IEnumerable<Account> accounts, IEnumerable<LedgerLine> lines, LedgerPeriod? through = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(lines);
        var sums = new Dictionary<string, (decimal Debits, decimal Credits)>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => through is null || l.Period <= through))
        {
            var (d, c) = sums.GetValueOrDefault(line.AccountCode);
            sums[line.AccountCode] = line.Side == Side.Debit ? (d + line.Amount, c) : (d, c + line.Amount);
        }
        var rows = accounts.OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a =>
            {
                var (d, c) = sums.GetValueOrDefault(a.Code);
                return new TrialBalanceRow(a.Code, a.Name, a.Type, a.RegionCode, d, c);
            })
            .ToList();
        return new TrialBalance(through, rows);
    }
}
