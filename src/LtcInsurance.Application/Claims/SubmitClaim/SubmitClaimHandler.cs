using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.SubmitClaim;

/// <summary>
/// Gathers the facts the checks need (people by ID number, their entitlements, the provider's confirmed care plans,
/// hospital stays, the catalogue, the provider's care workers and sanctions, other providers' institution-care days),
/// lets <see cref="ClaimValidation"/> decide, then stores and settles the claim in one transaction.
/// </summary>
internal sealed class SubmitClaimHandler(ILtcDbContext db, IPolicyEngine engine, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SubmitClaimCommand, ClaimSubmission>
{
    public async Task<ClaimSubmission> Handle(SubmitClaimCommand request, CancellationToken cancellationToken)
    {
        var tenant = ClaimLookup.Tenant(db);
        Month.TryParse(request.Month.Trim(), out var month);
        ClaimAccess.CheckProvider(user.User, request.ProviderCode);
        var provider = await ClaimLookup.ProviderAsync(db, request.ProviderCode, cancellationToken);
        var key = request.ClientKey.Trim();
        var lines = request.Lines.Select(l => l with
        {
            PersonIdNumber = l.PersonIdNumber.Trim().ToUpperInvariant(), ItemCode = l.ItemCode.Trim(),
            CareWorkerIdNumber = string.IsNullOrWhiteSpace(l.CareWorkerIdNumber) ? null : l.CareWorkerIdNumber.Trim().ToUpperInvariant(),
        }).OrderBy(l => l.LineNo).ToList();
        var hash = Hash(provider.Code, month, lines);

        var stored = await db.Set<Claim>().AsNoTracking().SingleOrDefaultAsync(c => c.InstitutionId == provider.Id && c.ClientKey == key, cancellationToken);
        if (stored is not null)
            return Replay(stored, hash);

        var now = clock.GetUtcNow();
        var today = ClaimLookup.Today(clock);
        var window = await ClaimLookup.WindowAsync(engine, tenant, month, cancellationToken);
        var standing = ClaimStatus.Standing.ToArray();
        var previous = await db.Set<Claim>().AsNoTracking().Where(c => c.InstitutionId == provider.Id && c.ServiceMonth == month.FirstDay)
            .OrderByDescending(c => c.SubmittedAt).Select(c => new { c.Status, c.Number }).ToListAsync(cancellationToken);
        ClaimRule.Check(previous.Any(p => standing.Contains(p.Status)), ClaimCodes.AlreadyClaimed, ClaimClauses.Window,
            $"本机构 {month} 已有结算申报 {previous.FirstOrDefault(p => standing.Contains(p.Status))?.Number}，如需更正请先撤回");
        var state = window.StateOn(today);
        ClaimRule.Check(state == WindowState.NotYetOpen, ClaimCodes.WindowNotOpen, ClaimClauses.Window,
            $"{month} 的结算申报自 {window.Opens:yyyy-MM-dd} 起受理");
        ClaimRule.Check(state == WindowState.Closed && previous.FirstOrDefault()?.Status != ClaimStatus.Returned, ClaimCodes.WindowClosed, ClaimClauses.Window,
            $"{month} 的结算申报已于 {window.Closes:yyyy-MM-dd} 截止");

        var check = await CheckAsync(tenant, month, provider, lines, cancellationToken);
        if (check.Refused)
            return new ClaimSubmission(false, null, null, false, check.Problems, 0, 0, 0);

        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                var sequence = await db.Set<Claim>().CountAsync(c => c.InstitutionId == provider.Id && c.ServiceMonth == month.FirstDay, ct) + 1;
                var claim = Claim.Submit(tenant, provider.Id, provider.Code, month, sequence, key, hash, user.Name(), now);
                foreach (var line in check.Lines)
                {
                    claim.AddLine(line.Input.LineNo, line.PersonId, line.Entitlement.Id, line.Entitlement.Mode.Code(), line.Input.Day,
                        line.Input.ItemCode, line.Category, line.Input.Quantity, line.Input.Amount, line.CareWorkerId,
                        [.. line.Notices.Select(n => n.Code)]);
                }

                await ClaimSettler.SettleAsync(db, engine, claim, provider, now, ct);
                db.Set<Claim>().Add(claim);
                await db.SaveChangesAsync(ct);
                return new ClaimSubmission(true, claim.Id, claim.Number, false, check.Problems, claim.Billed, claim.Fund, claim.Individual);
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ClaimLookup.IsUniqueViolation(ex))
        {
            // the same key (a retry racing itself) or another standing claim of the month committed first
            var raced = await db.Set<Claim>().AsNoTracking().SingleOrDefaultAsync(c => c.InstitutionId == provider.Id && c.ClientKey == key, cancellationToken);
            if (raced is not null)
                return Replay(raced, hash);
            throw new Domain.Common.BusinessRuleViolationException(new ClaimRule(ClaimCodes.AlreadyClaimed, ClaimClauses.Window,
                $"本机构 {month} 已有结算申报，如需更正请先撤回", true));
        }
    }

    private static ClaimSubmission Replay(Claim stored, string hash)
    {
        ClaimRule.Check(stored.RequestHash != hash, ClaimCodes.KeyReused, ClaimClauses.Handling,
            "该幂等键已用于另一份内容不同的申报，请换用新的幂等键");
        return new ClaimSubmission(true, stored.Id, stored.Number, true, [], stored.Billed, stored.Fund, stored.Individual);
    }

    private async Task<ClaimCheck> CheckAsync(string tenant, Month month, Institution provider, List<ClaimLineInput> lines, CancellationToken ct)
    {
        var idNumbers = lines.Select(l => l.PersonIdNumber).Distinct().ToList();
        var people = await db.InsuredPeople.AsNoTracking().Where(p => idNumbers.Contains((string)(object)p.IdNumber))
            .Select(p => new { p.Id, p.IdNumber }).ToListAsync(ct);
        var personByIdNumber = people.ToDictionary(p => p.IdNumber.Value, p => p.Id, StringComparer.Ordinal);
        var personIds = people.Select(p => p.Id).ToList();

        var entitlements = await db.Set<BenefitEntitlement>().AsNoTracking().Where(e => personIds.Contains(e.PersonId)).ToListAsync(ct);
        var entitlementIds = entitlements.Select(e => e.Id).ToList();
        var plans = await db.Set<CarePlan>().AsNoTracking()
            .Where(p => p.InstitutionId == provider.Id && entitlementIds.Contains(p.EntitlementId) && p.ConfirmedByInsuredOn != null)
            .ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var planItems = (await db.Set<CarePlanItem>().AsNoTracking().Where(i => planIds.Contains(i.CarePlanId)).ToListAsync(ct))
            .ToLookup(i => i.CarePlanId);
        var stays = (await db.Set<HospitalStayRecord>().AsNoTracking().Where(s => personIds.Contains(s.PersonId)).ToListAsync(ct))
            .ToLookup(s => s.PersonId);
        var standing = ClaimStatus.Standing.ToArray();
        var institutionCode = ServiceMode.Institution.Code();
        var elsewhere = (await (
                from l in db.Set<ClaimLine>().AsNoTracking()
                join c in db.Set<Claim>().AsNoTracking() on l.ClaimId equals c.Id
                where personIds.Contains(l.PersonId) && c.InstitutionId != provider.Id && standing.Contains(c.Status)
                      && c.ServiceMonth == month.FirstDay && l.ServiceMode == institutionCode
                select new { l.PersonId, l.Day }).ToListAsync(ct))
            .ToLookup(l => l.PersonId, l => l.Day);

        var itemCodes = lines.Select(l => l.ItemCode).Distinct().ToList();
        var items = (await db.Set<ServiceItem>().AsNoTracking().Where(i => itemCodes.Contains(i.Code)).ToListAsync(ct))
            .ToLookup(i => i.Code, StringComparer.Ordinal);
        var workerIdNumbers = lines.Where(l => l.CareWorkerIdNumber is not null).Select(l => l.CareWorkerIdNumber!).Distinct().ToList();
        var workers = await db.Set<CareWorker>().AsNoTracking()
            .Where(w => w.InstitutionId == provider.Id && workerIdNumbers.Contains(w.IdNumber)).ToListAsync(ct);
        var subjects = workers.Select(w => w.Id).Append(provider.Id).ToList();
        var sanctions = (await db.Set<Sanction>().AsNoTracking().Where(s => subjects.Contains(s.SubjectId)).ToListAsync(ct))
            .ToLookup(s => s.SubjectId);

        var suspend = await ClaimLookup.ParameterOrNullAsync(engine, tenant, CommonParameters.SuspendDuringHospitalStay, month.FirstDay, ct);
        var modes = provider.ServiceModes.Select(m => ServiceModes.Terms.TryParse(m, out var mode) ? (ServiceMode?)mode : null)
            .Where(m => m is not null).Select(m => m!.Value).ToList();
        var providerSanctions = sanctions[provider.Id].Select(s => (s.From, s.To)).ToList();
        if (provider.Status != InstitutionStatus.Active)
            providerSanctions.Add((DateOnly.MinValue, null)); // suspended or exited: no day is claimable
        var facts = new ProviderFacts(provider.Id, modes, providerSanctions, provider.AgreementFrom, provider.AgreementTo,
            suspend is { Value: bool flag } && flag);

        var byPerson = new Dictionary<string, BeneficiaryFacts>(StringComparer.Ordinal);
        BeneficiaryFacts Beneficiary(string idNumber)
        {
            if (byPerson.TryGetValue(idNumber, out var known))
                return known;
            BeneficiaryFacts built;
            if (!personByIdNumber.TryGetValue(idNumber, out var personId))
                built = new BeneficiaryFacts(null, [], [], [], new HashSet<DateOnly>());
            else
            {
                var own = entitlements.Where(e => e.PersonId == personId).ToList();
                var ownIds = own.Select(e => e.Id).ToHashSet();
                built = new BeneficiaryFacts(
                    personId,
                    [.. own.Select(e => new EntitlementFact(e.Id, ClaimLookup.PaysFrom(e), e.To,
                        ServiceModes.Terms.TryParse(e.ServiceMode, out var mode) ? mode : ServiceMode.HomeFamily, e.Level, e.InstitutionId))],
                    [.. plans.Where(p => ownIds.Contains(p.EntitlementId))
                        .Select(p => new CarePlanFact(p.ConfirmedByInsuredOn > p.From ? p.ConfirmedByInsuredOn.Value : p.From, p.To, planItems[p.Id].Select(i => i.ItemCode).ToHashSet(StringComparer.Ordinal)))],
                    [.. stays[personId].Select(s => s.ToStay())],
                    elsewhere[personId].ToHashSet());
            }

            byPerson[idNumber] = built;
            return built;
        }

        CatalogueItemFact? Item(string code, DateOnly day) =>
            items[code].Where(i => i.ValidFrom <= day && (i.ValidTo is null || day <= i.ValidTo)).OrderByDescending(i => i.ValidFrom)
                .Select(i => new CatalogueItemFact(i.Code, i.Category, i.Price, i.RequiredQualification, i.ValidFrom, i.ValidTo))
                .FirstOrDefault();

        CareWorkerFact? Worker(string idNumber) =>
            workers.Where(w => string.Equals(w.IdNumber, idNumber, StringComparison.OrdinalIgnoreCase))
                .Select(w => new CareWorkerFact(w.Id, w.IdNumber, w.Active, w.Qualifications,
                    [.. sanctions[w.Id].Select(s => (s.From, s.To))]))
                .FirstOrDefault();

        return ClaimValidation.Check(month, facts, lines, Beneficiary, Item, Worker);
    }

    private static string Hash(string providerCode, Month month, List<ClaimLineInput> lines)
    {
        var text = JsonSerializer.Serialize(new { providerCode, month = month.ToString(), lines });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
