namespace LtcInsurance.Domain.Ledger.Reports;

/// <summary>
/// Position of one region's sub-ledger (null region = city-level accounts), amounts on their normal sides:
/// assets = liabilities + fund balance, where fund balance = 累计结余 + income − expense not yet closed.
/// YZ 四(五): each district's deficit is its own, so each region is shown apart.
/// </summary>
public sealed record RegionBalance(string? RegionCode, decimal Assets, decimal Liabilities, decimal AccumulatedSurplus,
    decimal Income, decimal Expense)
{
    public decimal FundBalance => AccumulatedSurplus + Income - Expense;

    public static IReadOnlyList<RegionBalance> Compute(IEnumerable<Account> accounts, IEnumerable<LedgerLine> lines,
        LedgerPeriod? through = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(lines);
        var chart = accounts.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var balances = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => through is null || l.Period <= through))
            balances[line.AccountCode] = balances.GetValueOrDefault(line.AccountCode) + line.SignedAmount;
        decimal Sum(IEnumerable<Account> group, AccountType type) =>
            group.Where(a => a.Type == type).Sum(a => balances.GetValueOrDefault(a.Code))
            * (type.NormalSide() == Side.Debit ? 1m : -1m);
        return [.. chart.Values.GroupBy(a => a.RegionCode)
            .OrderBy(g => g.Key ?? "", StringComparer.Ordinal)
            .Select(g => new RegionBalance(g.Key, Sum(g, AccountType.Asset), Sum(g, AccountType.Liability),
                Sum(g, AccountType.Equity), Sum(g, AccountType.Income), Sum(g, AccountType.Expense)))];
    }
}
