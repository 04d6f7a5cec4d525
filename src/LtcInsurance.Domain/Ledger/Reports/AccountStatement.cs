namespace LtcInsurance.Domain.Ledger.Reports;

public sealed record StatementLine(long Sequence, DateOnly BusinessDate, LedgerPeriod Period, string Description,
    decimal Debit, decimal Credit, decimal RunningBalance);

/// <summary>
/// Account statement (明细账) with a running balance on the account's normal side (a receivable's balance
/// is positive when owed to the fund, an income's when earned).
/// </summary>
public sealed record AccountStatement(Account Account, LedgerPeriod? From, LedgerPeriod? To, decimal OpeningBalance,
    IReadOnlyList<StatementLine> Lines, decimal ClosingBalance)
{
    public static AccountStatement Compute(Account account, IEnumerable<LedgerLine> lines, LedgerPeriod? from = null,
        LedgerPeriod? to = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(lines);
        var sign = account.Type.NormalSide() == Side.Debit ? 1m : -1m;
        var opening = 0m;
        var running = 0m;
        var result = new List<StatementLine>();
        foreach (var line in lines.Where(l => l.AccountCode == account.Code && (to is null || l.Period <= to))
                     .OrderBy(l => l.Sequence))
        {
            running += sign * line.SignedAmount;
            if (from is not null && line.Period < from)
            {
                opening = running;
                continue;
            }
            result.Add(new StatementLine(line.Sequence, line.BusinessDate, line.Period, line.Description,
                line.Side == Side.Debit ? line.Amount : 0m, line.Side == Side.Credit ? line.Amount : 0m, running));
        }
        return new AccountStatement(account, from, to, opening, result, running);
    }
}
