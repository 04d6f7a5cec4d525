using System.Buffers;
using System.Collections.Concurrent;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Rules;

namespace LtcInsurance.Domain.Policies;

/// <summary>
/// Bulk settlement of one tenant's month (<see cref="PolicyCalculator.PrepareSettlement"/>): the month's checks and each
/// service mode's payment plan are resolved once, from the same scheme code as the traced path, and then every
/// beneficiary's month is settled without a trace and with little allocation (the result and its lines). The amounts,
/// rejections, reductions and refusals are those of <see cref="PolicyCalculator.Evaluate"/> on the same case
/// (a property test holds the two paths together); a case shown to a person is evaluated with its trace instead.
/// A city's plan depends on the service mode, the beneficiary's level and the provider's level only, so plans are
/// kept per (mode, level, provider level). Safe to use from several threads.
/// </summary>
public sealed class SettlementSession
{
    private const int StackLines = 64;

    private readonly CityScheme _scheme;
    private readonly Func<PolicyContext> _newContext;
    private readonly PolicyException? _monthRefusal;
    private readonly ConcurrentDictionary<(ServiceMode Mode, int? Level, int? ProviderLevel), PreparedPlan> _plans = new();

    internal SettlementSession(CityScheme scheme, Month month, Func<PolicyContext> newContext)
    {
        _scheme = scheme;
        _newContext = newContext;
        Month = month;
        try
        {
            scheme.CheckSettlementMonth(month, newContext());
        }
        catch (PolicyException refusal)
        {
            _monthRefusal = refusal;
        }
    }

    public string Tenant => _scheme.Tenant;

    public Month Month { get; }

    /// <summary>Settles one beneficiary's month; refuses (<see cref="PolicyException"/>) as the traced path does.</summary>
    public SettlementResult Settle(SettlementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Month != Month)
        {
            throw new ArgumentException($"结算月份 {input.Month} 不是本批次的月份 {Month}", nameof(input));
        }

        if (_monthRefusal is { } refusal)
        {
            throw new PolicyException(refusal.Code, refusal.Message);
        }

        CityScheme.CheckSettlementLines(input);
        var plan = _plans.TryGetValue(Key(input), out var known) ? known : _plans.GetOrAdd(Key(input), _ => Prepare(input));
        if (plan.Refusal is { } planRefusal)
        {
            throw new PolicyException(planRefusal.Code, planRefusal.Message);
        }

        return plan.Settle(input);
    }

    /// <summary>Settles each input independently: a refusal is reported for its input and never stops the others.</summary>
    public IReadOnlyList<SettlementOutcome> SettleMany(IReadOnlyList<SettlementInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outcomes = new SettlementOutcome[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            try
            {
                outcomes[i] = new SettlementOutcome(Settle(inputs[i]), null);
            }
            catch (PolicyException refusal)
            {
                outcomes[i] = new SettlementOutcome(null, refusal);
            }
        }

        return outcomes;
    }

    private static (ServiceMode, int?, int?) Key(SettlementInput input) =>
        (input.ServiceMode, input.Beneficiary.Level, input.ProviderMedicalInstitutionLevel);

    private PreparedPlan Prepare(SettlementInput input)
    {
        try
        {
            var context = _newContext();
            var plan = _scheme.PlanSettlement(input, context);
            PolicyException? hospitalRefusal = null;
            if (plan.Screening.SuspendDuringHospitalStay is null)
            {
                // the traced path asks for the switch when a line falls in a stay, and is refused: keep that refusal
                try
                {
                    context.Param(CommonParameters.SuspendDuringHospitalStay, Month.FirstDay);
                }
                catch (PolicyException refusal)
                {
                    hospitalRefusal = refusal;
                }
            }

            return new PreparedPlan(plan, hospitalRefusal, null);
        }
        catch (PolicyException refusal)
        {
            return new PreparedPlan(null, null, refusal);
        }
    }

    private sealed class PreparedPlan
    {
        private const byte Covered = 0;
        private const byte NotEntitled = 1;
        private const byte Hospitalized = 2;
        private const byte NotCovered = 3;

        private readonly bool _suspendKnown;
        private readonly bool _suspend;
        private readonly PolicyException? _hospitalRefusal;
        private readonly IReadOnlyList<string> _categories = [];
        private readonly bool _perDiem;
        private readonly decimal _ratio;
        private readonly decimal? _monthlyLimit;
        private readonly decimal _perDiemAmount;
        private readonly decimal? _ceiling;

        public PreparedPlan(SettlementPlan? plan, PolicyException? hospitalRefusal, PolicyException? refusal)
        {
            Refusal = refusal;
            _hospitalRefusal = hospitalRefusal;
            if (plan is null)
            {
                return;
            }

            _suspendKnown = plan.Screening.SuspendDuringHospitalStay is not null;
            _suspend = plan.Screening.SuspendDuringHospitalStay is { Flag: true };
            _categories = plan.Screening.CoveredCategories.Texts;
            switch (plan.Payment)
            {
                case RatioPayment ratio:
                    _ratio = ratio.Ratio.Number;
                    _monthlyLimit = ratio.MonthlyLimit?.Number;
                    break;
                case PerDiemPayment perDiem:
                    _perDiem = true;
                    _perDiemAmount = perDiem.PerDiem.Number;
                    break;
                default:
                    throw new InvalidOperationException($"unknown payment rule {plan.Payment.GetType().Name}");
            }

            // AnnualCeiling: the year's ceiling is a ratio of a published figure, rounded once
            _ceiling = plan.Ceiling is { } c ? Money.Round(c.Base.Number * c.Ratio.Number) : null;
        }

        public PolicyException? Refusal { get; }

        /// <summary><see cref="MonthlySettlement.Settle"/> without the trace: same steps, same order, same rounding.</summary>
        public SettlementResult Settle(SettlementInput input)
        {
            var lines = input.Lines;
            var n = lines.Count;
            var stays = input.HospitalStays;
            var beneficiary = input.Beneficiary;
            if (!_suspendKnown && stays.Count > 0)
            {
                for (var i = 0; i < n; i++)
                {
                    if (HospitalSuspension.Suspends(stays, lines[i].Date))
                    {
                        throw new PolicyException(_hospitalRefusal!.Code, _hospitalRefusal.Message);
                    }
                }
            }

            decimal[]? rented = null;
            Span<decimal> buffer = n <= StackLines ? stackalloc decimal[5 * StackLines] : (rented = ArrayPool<decimal>.Shared.Rent(5 * n));
            try
            {
                return Settle(input, lines, n, stays, beneficiary, buffer);
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<decimal>.Shared.Return(rented);
                }
            }
        }

        private SettlementResult Settle(SettlementInput input, IReadOnlyList<ServiceLine> lines, int n,
            IReadOnlyList<HospitalStay> stays, Beneficiary beneficiary, Span<decimal> buffer)
        {
            Span<byte> reasons = n <= StackLines ? stackalloc byte[StackLines] : new byte[n];
            Span<int> covered = n <= StackLines ? stackalloc int[StackLines] : new int[n];
            var weights = buffer.Slice(0, n);
            var allocation = buffer.Slice(n, n);
            var lineFund = buffer.Slice(2 * n, n);
            var scratch = buffer.Slice(3 * n, 2 * n);
            lineFund.Clear();

            // screening: entitlement window, hospital stay, category, in that order
            var coveredCount = 0;
            for (var i = 0; i < n; i++)
            {
                var line = lines[i];
                byte reason;
                if (!EntitlementWindow.Covers(beneficiary, line.Date))
                {
                    reason = NotEntitled;
                }
                else if (_suspend && HospitalSuspension.Suspends(stays, line.Date))
                {
                    reason = Hospitalized;
                }
                else
                {
                    reason = CategoryCoverage.Covers(_categories, line.Category) ? Covered : NotCovered;
                }

                reasons[i] = reason;
                if (reason == Covered)
                {
                    covered[coveredCount++] = i;
                }
            }

            var coveredLines = covered[..coveredCount];
            var coveredWeights = weights[..coveredCount];
            decimal fund;
            var reducedByLimit = 0m;
            if (!_perDiem)
            {
                // RatioWithMonthlyLimit
                var coveredTotal = 0m;
                for (var k = 0; k < coveredCount; k++)
                {
                    var amount = lines[coveredLines[k]].Amount;
                    coveredTotal += amount;
                    coveredWeights[k] = amount;
                }

                var payableBase = _monthlyLimit is { } limit ? Math.Min(coveredTotal, limit) : coveredTotal;
                fund = Money.Round(payableBase * _ratio);
                reducedByLimit = Money.Round(coveredTotal * _ratio) - fund;
            }
            else
            {
                fund = PerDiem(lines, coveredLines, coveredWeights, scratch);
            }

            var annualCut = 0m;
            if (_ceiling is { } ceiling)
            {
                var left = Math.Max(0m, ceiling - beneficiary.YearToDateFundPaid);
                var capped = Math.Min(fund, left);
                annualCut = fund - capped;
                fund = capped;
            }

            var weightSum = 0m;
            foreach (var weight in coveredWeights)
            {
                weightSum += weight;
            }

            var split = allocation[..coveredCount];
            if (weightSum == 0)
            {
                split.Clear();
            }
            else
            {
                Money.AllocateInto(fund, coveredWeights, split);
            }

            for (var k = 0; k < coveredCount; k++)
            {
                lineFund[coveredLines[k]] = split[k];
            }

            var results = new SettlementLineResult[n];
            var billed = 0m;
            var fundPays = 0m;
            for (var i = 0; i < n; i++)
            {
                var amount = lines[i].Amount;
                results[i] = new SettlementLineResult(i, lineFund[i], amount - lineFund[i], Reason(reasons[i]));
                billed += amount;
                fundPays += lineFund[i];
            }

            IReadOnlyList<SettlementReduction> reductions = (reducedByLimit > 0, annualCut > 0) switch
            {
                (false, false) => [],
                (true, false) => [new SettlementReduction(RejectionReasons.MonthlyLimit, reducedByLimit)],
                (false, true) => [new SettlementReduction(RejectionReasons.AnnualCap, annualCut)],
                (true, true) =>
                [
                    new SettlementReduction(RejectionReasons.MonthlyLimit, reducedByLimit),
                    new SettlementReduction(RejectionReasons.AnnualCap, annualCut),
                ],
            };
            return new SettlementResult(billed, fundPays, billed - fundPays, results, reductions);
        }

        /// <summary>
        /// PerDiemByLevel: per service day the smaller of the day's covered charges and the per-diem, split over the day's
        /// lines in proportion (lines of a day in their order). Writes each covered line's fund into <paramref name="lineFunds"/>.
        /// </summary>
        private decimal PerDiem(IReadOnlyList<ServiceLine> lines, ReadOnlySpan<int> coveredLines, Span<decimal> lineFunds, Span<decimal> scratch)
        {
            // counting sort of the covered lines by day of month (stable: a day's lines keep their order)
            Span<int> start = stackalloc int[33];
            for (var k = 0; k < coveredLines.Length; k++)
            {
                start[lines[coveredLines[k]].Date.Day + 1]++;
            }

            for (var d = 1; d < 33; d++)
            {
                start[d] += start[d - 1];
            }

            Span<int> next = stackalloc int[32];
            start[..32].CopyTo(next);
            Span<int> byDay = coveredLines.Length <= StackLines ? stackalloc int[StackLines] : new int[coveredLines.Length];
            for (var k = 0; k < coveredLines.Length; k++)
            {
                byDay[next[lines[coveredLines[k]].Date.Day]++] = k;
            }

            var fund = 0m;
            for (var day = 1; day <= 31; day++)
            {
                var from = start[day];
                var count = start[day + 1] - from;
                if (count == 0)
                {
                    continue;
                }

                var amounts = scratch.Slice(0, count);
                var dayTotal = 0m;
                for (var j = 0; j < count; j++)
                {
                    amounts[j] = lines[coveredLines[byDay[from + j]]].Amount;
                    dayTotal += amounts[j];
                }

                var dayFund = Money.Round(Math.Min(dayTotal, _perDiemAmount));
                var parts = scratch.Slice(count, count);
                Money.AllocateInto(dayFund, amounts, parts);
                for (var j = 0; j < count; j++)
                {
                    lineFunds[byDay[from + j]] = parts[j];
                }
            }

            for (var k = 0; k < coveredLines.Length; k++)
            {
                fund += lineFunds[k];
            }

            return fund;
        }

        private static string? Reason(byte reason) => reason switch
        {
            NotEntitled => RejectionReasons.NotEntitled,
            Hospitalized => RejectionReasons.Hospitalized,
            NotCovered => RejectionReasons.NotCoveredCategory,
            _ => null,
        };
    }
}

/// <summary>One input's answer in <see cref="SettlementSession.SettleMany"/>: its result, or the refusal of that input alone.</summary>
public readonly record struct SettlementOutcome(SettlementResult? Result, PolicyException? Refusal);
