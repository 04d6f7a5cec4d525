namespace LtcInsurance.Domain.Ledger.Reports;

public sealed record IncomeAndExpenditureRow(string Label, decimal Income, decimal Expense)
{
    public decimal Surplus => Income - Expense;
}

/// <summary>
/// Income and expenditure (收支情况) per month of a year, or for the whole year. Year-end closing entries are
/// left out: they move the result into 累计结余 and are not income or spending.
/// </summary>
public static class IncomeAndExpenditure
{
    public static IReadOnlyList<IncomeAndExpenditureRow> Compute(IEnumerable<Account> accounts,
        IEnumerable<LedgerLine> lines, int year, bool byMonth)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(lines);
        var types = accounts.ToDictionary(a => a.Code, a => a.Type, StringComparer.Ordinal);
        var relevant = lines.Where(l => l.Period.Year == year && l.SourceType != SourceDocumentType.Closing
                                        && types.TryGetValue(l.AccountCode, out var t)
                                        && t is AccountType.Income or AccountType.Expense)
            .ToList();
        IncomeAndExpenditureRow Row(string label, IEnumerable<LedgerLine> ls)
        {
            var list = ls.ToList();
            return new IncomeAndExpenditureRow(label,
                -list.Where(l => types[l.AccountCode] == AccountType.Income).Sum(l => l.SignedAmount),
                list.Where(l => types[l.AccountCode] == AccountType.Expense).Sum(l => l.SignedAmount));
        }
        if (!byMonth)
            return [Row(year.ToString(System.Globalization.CultureInfo.InvariantCulture), relevant)];
        return [.. Enumerable.Range(1, 12).Select(m => new LedgerPeriod(year, m))
            .Select(p => Row(p.ToString(), relevant.Where(l => l.Period == p)))];
    }
}
