namespace LtcInsurance.Domain.Ledger;

/// <summary>
/// Year-end carry-forward: the year's income and expense accounts are closed into 累计结余 so that the
/// surplus rolls over to the next year (JN 四 "当年结余资金滚存至下年使用"). Region sub-accounts close into
/// the region's own surplus account when it exists (YZ 四(五): each district bears its own result).
/// </summary>
public static class YearEndClosing
{
    public static string IdempotencyKey(int year) => $"ledger:year-end:{year}";

    /// <summary>
    /// Builds the closing entry for <paramref name="year"/> from the debit-positive balances of the accounts
    /// through December; null when every income and expense account is already zero.
    /// </summary>
    public static EntryDraft? Build(int year, IEnumerable<Account> accounts, IReadOnlyDictionary<string, decimal> balances)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(balances);
        var chart = accounts.ToDictionary(a => a.Code, StringComparer.Ordinal);
        string SurplusFor(Account a) =>
            a.RegionCode is { } region && chart.ContainsKey(Account.RegionAccountCode(StandardChart.AccumulatedSurplus, region))
                ? Account.RegionAccountCode(StandardChart.AccumulatedSurplus, region)
                : StandardChart.AccumulatedSurplus;

        var toClose = chart.Values
            .Where(a => a.Type is AccountType.Income or AccountType.Expense)
            .Select(a => (Account: a, Balance: balances.GetValueOrDefault(a.Code)))
            .Where(x => x.Balance != 0m)
            .OrderBy(x => x.Account.Code, StringComparer.Ordinal)
            .ToList();
        if (toClose.Count == 0)
            return null;

        var postings = new List<Posting>();
        foreach (var (account, balance) in toClose)
            postings.Add(new Posting(account.Code, balance > 0m ? Side.Credit : Side.Debit, Math.Abs(balance)));
        foreach (var group in toClose.GroupBy(x => SurplusFor(x.Account)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var net = group.Sum(x => x.Balance);
            if (net != 0m)
                postings.Add(new Posting(group.Key, net > 0m ? Side.Debit : Side.Credit, Math.Abs(net)));
        }
        return new EntryDraft(new DateOnly(year, 12, 31), $"{year} 年度收支结转累计结余",
            new SourceDocument(SourceDocumentType.Closing, $"year-end-{year}"), IdempotencyKey(year), postings,
            period: new LedgerPeriod(year, 12));
    }
}
