using System.Globalization;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Import;
using LtcInsurance.Application.Jobs;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Contributions.RunCollectionImport;

/// <summary>
/// Reads and checks every row, looks the people and their bills up in a few set queries, then in ONE transaction: locks
/// the bills concerned (before the ledger's lock, like every writer of payments), reads their receipts and the file's
/// references again, decides each row (recorded, already recorded, or refused with a Chinese reason), books every new
/// receipt in one ledger batch and inserts the receipts with their entry's sequence, the refused rows and the counts.
/// A row is either recorded with its entry or refused with nothing written; a second run of the same file finds every
/// reference and writes no receipt and no entry.
/// </summary>
internal sealed class RunCollectionImportHandler(
    ILtcDbContext db, IRegisterFileReader reader, IRowLocks locks, ILedgerPostingService ledger, ICurrentUser user,
    TimeProvider clock) : IRequestHandler<RunCollectionImportCommand, CollectionImportView>
{
    public async Task<CollectionImportView> Handle(RunCollectionImportCommand request, CancellationToken cancellationToken)
    {
        var import = await db.Set<CollectionImport>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.ImportId, cancellationToken)
                     ?? throw new RequestValidationException($"导入任务 {request.ImportId} 不存在。");
        if (import.Status == CollectionImport.Completed)
            return CollectionImportView.Of(import);
        var file = await db.Set<BackgroundJobFile>().AsNoTracking().SingleOrDefaultAsync(f => f.JobId == import.Id, cancellationToken)
                   ?? throw new JobFailedException("导入文件已不在数据库中，请重新上传");

        List<CollectionFile.Row> rows;
        try
        {
            rows = Read(file.Content, import.Format);
        }
        catch (InvalidDataException unreadable)
        {
            return await FailAsync(import.Id, unreadable.Message, cancellationToken);
        }

        // Lookups outside the transaction: people by ID number, their bills of the periods named.
        var ids = rows.Where(r => r.Id is not null).Select(r => r.Id!).Distinct().ToList();
        var people = (await db.InsuredPeople.AsNoTracking().Where(p => ids.Contains(p.IdNumber))
                .Select(p => new { p.Id, p.IdNumber }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.IdNumber.Value, p => p.Id, StringComparer.Ordinal);
        var personIds = people.Values.ToList();
        var periods = rows.Where(r => r.Period is not null).Select(r => r.Period!).Distinct().ToList();
        var billIds = (await db.ContributionBills.AsNoTracking()
                .Where(b => personIds.Contains(b.PersonId) && periods.Contains(b.Period))
                .Select(b => new { b.Id, b.PersonId, b.Period }).ToListAsync(cancellationToken))
            .ToDictionary(b => (b.PersonId, b.Period), b => b.Id);
        var account = await ContributionAccounts.LoadAsync(db, cancellationToken);
        var references = rows.Where(r => !string.IsNullOrEmpty(r.Reference)).Select(r => r.Reference!).Distinct().ToList();

        return await db.InTransactionAsync(async ct =>
        {
            await locks.LockBillsAsync(billIds.Values, ct);
            var lockedIds = billIds.Values.ToList();
            var bills = (await db.ContributionBills.AsNoTracking().Include(b => b.Payments)
                    .Where(b => lockedIds.Contains(b.Id)).ToListAsync(ct))
                .ToDictionary(b => b.Id);
            var existing = (await db.ContributionPayments.AsNoTracking().Where(p => references.Contains(p.Reference))
                    .Select(p => new { p.Reference, p.BillId, p.Amount }).ToListAsync(ct))
                .ToDictionary(p => p.Reference, StringComparer.Ordinal);

            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
            var who = user.Name();
            var errors = new List<CollectionImportError>();
            var pending = new List<(CollectionFile.Row Row, ContributionBill Bill, ContributionPayment Payment)>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var already = 0;
            foreach (var row in rows)
            {
                var problem = row.Problem;
                ContributionBill? bill = null;
                if (problem is null && seen.TryGetValue(row.Reference!, out var first))
                    problem = $"收款凭证号与第 {first} 行重复";
                if (problem is null)
                {
                    if (!people.TryGetValue(row.Id!.Value, out var personId))
                        problem = "查无此参保人（身份证号码不在本市参保登记中）";
                    else if (!billIds.TryGetValue((personId, row.Period!), out var billId) || !bills.TryGetValue(billId, out bill))
                        problem = $"该参保人没有 {row.Period} 的缴费单";
                }

                if (problem is null)
                {
                    seen[row.Reference!] = row.Number;
                    if (existing.TryGetValue(row.Reference!, out var stored))
                    {
                        if (stored.BillId == bill!.Id && stored.Amount == row.Amount)
                        {
                            already++;
                            continue;
                        }

                        problem = $"收款凭证号 {row.Reference} 已用于另一笔缴费";
                    }
                    else
                    {
                        try
                        {
                            var payment = bill!.RecordPayment(row.Reference!, row.Amount, row.PaidOn ?? today, now, who,
                                PaymentMethods.TaxCollection);
                            pending.Add((row, bill, payment));
                            continue;
                        }
                        catch (BusinessRuleViolationException broken)
                        {
                            problem = broken.Message;
                        }
                    }
                }

                errors.Add(Error(import, row, problem!));
            }

            // One ledger batch for every new receipt; a draft a ledger rule refuses leaves its row refused, nothing written.
            var results = pending.Count == 0 ? [] : await ledger.PostBatchAsync(
                [.. pending.Select(p => ContributionPosting.ForPayment(p.Bill, p.Payment, code => account(code, p.Bill.RegionCode)))], ct);
            var recorded = new List<ContributionPayment>();
            for (var i = 0; i < pending.Count; i++)
            {
                if (results[i].Result is { DiffersFromRequest: false } posted)
                {
                    pending[i].Payment.RecordPosting(posted.Entry.Sequence);
                    recorded.Add(pending[i].Payment);
                }
                else
                {
                    errors.Add(Error(import, pending[i].Row, "记账被拒绝：" + (results[i].RefusalMessage ?? "账簿中该凭证号已有不同的记账")));
                }
            }

            db.ContributionPayments.AddRange(recorded);
            db.Set<CollectionImportError>().AddRange(errors.OrderBy(e => e.RowNumber));
            var tracked = await db.Set<CollectionImport>().SingleAsync(i => i.Id == import.Id, ct);
            tracked.Status = CollectionImport.Completed;
            tracked.TotalRows = rows.Count;
            tracked.RecordedRows = recorded.Count;
            tracked.RecordedAmount = recorded.Sum(p => p.Amount);
            tracked.AlreadyRecordedRows = already;
            tracked.ErrorRows = errors.Count;
            tracked.Message = string.Create(CultureInfo.InvariantCulture,
                $"共 {rows.Count} 行：新入账 {recorded.Count} 笔，已入账 {already} 笔，错误 {errors.Count} 行");
            tracked.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            // The file has served its purpose: a completed import is never run again.
            await db.Set<BackgroundJobFile>().Where(f => f.JobId == import.Id).ExecuteDeleteAsync(ct);
            return CollectionImportView.Of(tracked);
        }, cancellationToken);
    }

    private List<CollectionFile.Row> Read(byte[] content, string format)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var cells = reader.Rows(stream, format).GetEnumerator();
        if (!cells.MoveNext())
            throw new InvalidDataException("文件为空：" + CollectionFile.HeaderMessage);
        var map = CollectionFile.Map(cells.Current) ?? throw new InvalidDataException(CollectionFile.HeaderMessage);
        var rows = new List<CollectionFile.Row>();
        var number = 1;
        while (cells.MoveNext())
        {
            number++;
            if (cells.Current.All(string.IsNullOrWhiteSpace))
                continue;
            rows.Add(CollectionFile.Check(number, cells.Current, map));
        }

        return rows;
    }

    private static CollectionImportError Error(CollectionImport import, CollectionFile.Row row, string message) => new()
    {
        TenantId = import.TenantId, ImportId = import.Id, RowNumber = row.Number, Reference = Cut(row.Reference),
        IdNumber = Cut(row.IdText), Period = Cut(row.PeriodText), Amount = Cut(row.AmountText),
        Message = message.Length > 500 ? message[..500] : message,
    };

    private static string? Cut(string? text) => text is { Length: > 200 } ? text[..200] : text;

    private async Task<CollectionImportView> FailAsync(Guid id, string message, CancellationToken ct)
    {
        var tracked = await db.Set<CollectionImport>().SingleAsync(i => i.Id == id, ct);
        tracked.Status = CollectionImport.Failed;
        tracked.Message = message.Length > 500 ? message[..500] : message;
        tracked.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return CollectionImportView.Of(tracked);
    }
}
