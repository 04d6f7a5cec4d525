using LtcInsurance.Application.Claims.WithdrawClaim;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Ledger;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Ledger;
using LtcInsurance.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.ApproveClaims;

internal sealed class ApproveClaimsHandler(
    ILtcDbContext db, IPolicyEngine engine, ILedgerPostingService ledger, IBeneficiaryLocks locks, IClaimSettlementWriter writer,
    ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ApproveClaimsCommand, ApproveClaimsResult>
{
    /// <summary>Beneficiaries locked in one transaction at most (a claim with more is taken alone).</summary>
    internal const int MaxPeoplePerTransaction = 1_000;

    public async Task<ApproveClaimsResult> Handle(ApproveClaimsCommand request, CancellationToken cancellationToken)
    {
        var today = ClaimLookup.Today(clock);
        var tenant = ClaimLookup.Tenant(db);
        var ids = request.ClaimIds.Distinct().ToList();
        var found = await db.Set<Claim>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Status }).ToListAsync(cancellationToken);
        ClaimRule.Check(found.Count != ids.Count, ClaimCodes.NotFound, ClaimClauses.Handling, "未找到该结算申报");
        var waiting = found.FirstOrDefault(c => c.Status != ClaimStatus.SecondReviewed);
        ClaimRule.Check(waiting is not null, ClaimCodes.WrongStatus, ClaimClauses.Handling,
            $"申报{ClaimStatus.ChineseName(waiting?.Status ?? "")}，不在审定环节");
        var threshold = await ClaimLookup.ParameterAsync(engine, tenant, CommonParameters.ClaimSecondApprovalAbove, today, cancellationToken);
        var calculator = await engine.ForTenantAsync(tenant, null, cancellationToken);
        var people = (await db.Set<ClaimLine>().AsNoTracking().Where(l => ids.Contains(l.ClaimId))
                .Select(l => new { l.ClaimId, l.PersonId }).Distinct().ToListAsync(cancellationToken))
            .GroupBy(l => l.ClaimId).ToDictionary(g => g.Key, g => g.Count());

        var steps = new List<ClaimStep>(ids.Count);
        var lines = 0;
        var entries = 0;
        foreach (var chunk in Chunks(ids.Order().ToList(), people))
        {
            var (chunkSteps, chunkLines, chunkEntries) = await ClaimStepRunner.InTransactionAsync(db, user, clock,
                (by, now, ct) => ApproveAsync(chunk, tenant, calculator, threshold.Number, by, now, today, ct), cancellationToken);
            steps.AddRange(chunkSteps);
            lines += chunkLines;
            entries += chunkEntries;
            db.ChangeTracker.Clear();
        }

        return new ApproveClaimsResult(steps, lines, entries);
    }

    /// <summary>The claims in id order, cut into runs of at most <see cref="MaxPeoplePerTransaction"/> beneficiaries (counted per claim).</summary>
    private static IEnumerable<List<Guid>> Chunks(IReadOnlyList<Guid> ordered, IReadOnlyDictionary<Guid, int> people)
    {
        var chunk = new List<Guid>();
        var count = 0;
        foreach (var id in ordered)
        {
            var n = people.GetValueOrDefault(id);
            if (chunk.Count > 0 && count + n > MaxPeoplePerTransaction)
            {
                yield return chunk;
                chunk = [];
                count = 0;
            }

            chunk.Add(id);
            count += n;
        }

        if (chunk.Count > 0)
            yield return chunk;
    }

    private async Task<(List<ClaimStep>, int, int)> ApproveAsync(List<Guid> ids, string tenant, PolicyCalculator calculator, decimal? threshold,
        string by, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var claims = await db.Set<Claim>().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        claims = [.. claims.OrderBy(c => c.Id)];
        foreach (var claim in claims)
        {
            ClaimRule.Check(claim.Status != ClaimStatus.SecondReviewed, ClaimCodes.WrongStatus, ClaimClauses.Handling,
                $"申报{ClaimStatus.ChineseName(claim.Status)}，不在审定环节");
        }

        var lines = (await db.Set<ClaimLine>().AsNoTracking().Where(l => ids.Contains(l.ClaimId))
                .Select(l => new BulkLine(l.Id, l.ClaimId, l.LineNo, l.PersonId, l.EntitlementId, l.ServiceMode, l.Day, l.Category, l.ItemCode, l.Amount))
                .ToListAsync(ct))
            .ToLookup(l => l.ClaimId);
        var personIds = lines.SelectMany(g => g).Select(l => l.PersonId).Distinct().ToList();
        // before reading the year-to-date fund: another approval of the same people commits first, and is counted
        await locks.LockAsync(personIds, ct);

        var entitlementIds = lines.SelectMany(g => g).Select(l => l.EntitlementId).Distinct().ToList();
        var entitlements = await db.Set<BenefitEntitlement>().AsNoTracking().Where(e => entitlementIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var stays = (await db.Set<HospitalStayRecord>().AsNoTracking().Where(s => personIds.Contains(s.PersonId)).ToListAsync(ct))
            .ToLookup(s => s.PersonId, s => s.ToStay());
        var providerIds = claims.Select(c => c.InstitutionId).Distinct().ToList();
        var providers = await db.Institutions.AsNoTracking().Where(i => providerIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var years = claims.Select(c => c.Month.Year).Distinct().ToList();
        var yearStart = new DateOnly(years.Min(), 1, 1);
        var yearEnd = new DateOnly(years.Max(), 12, 31);
        var final = ClaimStatus.Final.ToArray();
        var finalLines = await (
                from l in db.Set<ClaimLine>().AsNoTracking()
                join c in db.Set<Claim>().AsNoTracking() on l.ClaimId equals c.Id
                where personIds.Contains(l.PersonId) && !ids.Contains(l.ClaimId) && !l.Recovered
                      && final.Contains(c.Status) && l.Day >= yearStart && l.Day <= yearEnd
                select new FinalLine(l.PersonId, l.EntitlementId, l.Day, l.Category, l.ItemCode, l.Amount, l.Fund, l.LineNo, c.ApprovedAt, c.Id))
            .ToListAsync(ct);

        var settler = new ClaimBulkSettler(calculator, tenant, entitlements, stays, finalLines);
        var settledLines = new List<SettledLine>(lines.Sum(g => g.Count()));
        var settlements = new List<ClaimSettlement>();
        var approved = new List<(Claim Claim, IReadOnlyList<(string, decimal)> Funds)>();
        foreach (var claim in claims)
        {
            var own = lines[claim.Id].ToList();
            var settled = settler.Settle(claim, providers[claim.InstitutionId].MedicalInstitutionLevel, own, now);
            settledLines.AddRange(settled.Lines);
            settlements.AddRange(settled.Settlements);
            var before = claim.Fund;
            claim.SettledInBulk(settled.Billed, settled.Fund);
            claim.NoteResettled(by, now, before);
            if (!claim.Approve(threshold, by, now))
                continue;
            settler.Approved(claim, own, settled.Lines);
            var funds = settled.Lines.ToDictionary(l => l.Id, l => l.Fund);
            approved.Add((claim, [.. own.Select(l => (l.ServiceMode, funds[l.Id]))]));
        }

        await writer.WriteAsync(ids, settledLines, settlements, ct);
        await db.SaveChangesAsync(ct);

        var accounts = await ClaimLookup.AccountsAsync(db, ct);
        var drafts = approved
            .Select(a => (a.Claim, Draft: ClaimPosting.Payable(a.Claim, a.Funds, providers[a.Claim.InstitutionId].Name,
                providers[a.Claim.InstitutionId].RegionCode, today, accounts)))
            .Where(d => d.Draft is not null)
            .ToList();
        var sequences = new Dictionary<Guid, long>();
        if (drafts.Count > 0)
        {
            var posted = await ledger.PostBatchAsync([.. drafts.Select(d => d.Draft!)], ct);
            for (var i = 0; i < drafts.Count; i++)
            {
                var result = posted[i];
                if (result.Refused)
                    throw new LedgerRuleException(result.RefusedRule ?? "ledger.rule", $"申报 {drafts[i].Claim.Number} 未能记账：{result.RefusalMessage}");
                if (result.Result!.DiffersFromRequest)
                    throw new InvalidOperationException($"账簿中申报 {drafts[i].Claim.Number} 的记账与审定金额不一致 / ledger entry differs from the claim");
                drafts[i].Claim.RecordPayable(result.Result.Entry.Sequence);
                sequences[drafts[i].Claim.Id] = result.Result.Entry.Sequence;
            }

            await db.SaveChangesAsync(ct);
        }

        var steps = claims.Select(c => new ClaimStep(c.Id, c.Status, c.Fund, c.Version, sequences.TryGetValue(c.Id, out var s) ? s : null)).ToList();
        return (steps, settledLines.Count, sequences.Count);
    }
}
