using System.Globalization;
using FluentValidation;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Application.Providers;

/// <summary>The checks every provider's terms pass, whoever registers or updates them.</summary>
internal sealed class ProviderTermsValidator : AbstractValidator<ProviderTerms>
{
    public ProviderTermsValidator(TimeProvider clock)
    {
        RuleFor(t => t.Name).NotEmpty().WithMessage("请填写名称").MaximumLength(200).WithMessage("名称不能超过 200 个字");
        RuleFor(t => t.ServiceModes).NotEmpty().WithMessage("请至少选择一种服务方式");
        RuleForEach(t => t.ServiceModes).Must(m => ServiceModes.Terms.IsKnown(m))
            .WithMessage((_, m) => $"服务方式「{m}」未知（可用：{string.Join("、", ServiceModes.Terms.Codes)}）");
        RuleFor(t => t.ServiceModes).Must(m => m.Distinct(StringComparer.Ordinal).Count() == m.Count).WithMessage("服务方式重复");
        RuleFor(t => t.MedicalInstitutionLevel).InclusiveBetween(1, 3).When(t => t.MedicalInstitutionLevel is not null)
            .WithMessage("医疗机构级别应为 1（一级）、2（二级）或 3（三级）");
        RuleFor(t => t.MedicalInstitutionLevel).NotNull()
            .When(t => t.ServiceModes.Contains(ServiceMode.MedicalSpecial.Code()))
            .WithMessage($"医疗专护按医疗机构级别支付，请填写医疗机构级别（依据 {ProviderClauses.MedicalLevel}）");
        RuleFor(t => t.RegionCode).Matches("^[0-9]{6}$").WithMessage("所在地区应为 6 位行政区划代码");
        RuleFor(t => t.AgreementFrom).NotNull().WithMessage($"请填写定点协议起始日期（依据 {ProviderClauses.Agreement}）");
        RuleFor(t => t.AgreementFrom!.Value).Must(d => PlausibleDates.IsBusinessDate(d, clock)).When(t => t.AgreementFrom is not null)
            .WithMessage(PlausibleDates.BusinessDateMessage("协议起始日期"));
        RuleFor(t => t.AgreementTo!.Value).Must(d => PlausibleDates.IsBusinessDate(d, clock)).When(t => t.AgreementTo is not null)
            .WithMessage(PlausibleDates.BusinessDateMessage("协议终止日期"));
        RuleFor(t => t.AgreementTo).Must((t, to) => to is null || t.AgreementFrom is null || to >= t.AgreementFrom)
            .WithMessage("协议终止日期不能早于起始日期");
        RuleFor(t => t.BankName).MaximumLength(100).WithMessage("开户银行不能超过 100 个字");
        RuleFor(t => t.BankAccountName).MaximumLength(200).WithMessage("账户名称不能超过 200 个字");
        RuleFor(t => t.BankAccountNumber).Matches("^[0-9]{8,30}$").When(t => !string.IsNullOrWhiteSpace(t.BankAccountNumber))
            .WithMessage("银行账号应为 8 至 30 位数字（不含空格）");
        RuleFor(t => t).Must(t => BankComplete(t)).WithName("Bank")
            .WithMessage("开户银行、账户名称和银行账号须同时填写（或都不填）");
        RuleFor(t => t.LiabilityInsurancePolicy).MaximumLength(64).WithMessage("保单号不能超过 64 个字符");
        RuleFor(t => t.LiabilityInsuranceTo).Null().When(t => string.IsNullOrWhiteSpace(t.LiabilityInsurancePolicy))
            .WithMessage($"填写了责任保险有效期，请同时填写保单号（依据 {ProviderClauses.LiabilityInsurance}）");
        RuleFor(t => t.LiabilityInsuranceTo!.Value).Must(d => PlausibleDates.IsBusinessDate(d, clock)).When(t => t.LiabilityInsuranceTo is not null)
            .WithMessage(PlausibleDates.BusinessDateMessage("责任保险有效期"));
    }

    private static bool BankComplete(ProviderTerms t)
    {
        var given = new[] { t.BankName, t.BankAccountName, t.BankAccountNumber }.Count(v => !string.IsNullOrWhiteSpace(v));
        return given is 0 or 3;
    }
}

/// <summary>Applies terms to a provider, recording each changed field.</summary>
internal static class ProviderTermsApplier
{
    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The region must be one of the city's divisions in the scheme.</summary>
    public static void CheckRegion(string tenantId, string regionCode)
    {
        var city = CityRegistry.Current.Find(tenantId);
        var known = city is null || city.Regions.Any(r => r.InScheme && r.Code == regionCode);
        ProviderRule.Check(!known, ProviderCodes.InvalidInput, ProviderClauses.Agreement,
            $"所在地区 {regionCode} 不在{city?.NameZh}的长期护理保险统筹范围内");
    }

    public static void Apply(Institution provider, ProviderTerms terms, ProviderChangeLog log)
    {
        CheckRegion(provider.TenantId, terms.RegionCode);
        var modes = ServiceModes.Terms.Codes.Where(terms.ServiceModes.Contains).ToArray();
        log.Add(provider.Id, null, ProviderFields.Name, provider.Name, terms.Name.Trim());
        log.Add(provider.Id, null, ProviderFields.ServiceModes, string.Join(",", provider.ServiceModes), string.Join(",", modes));
        log.Add(provider.Id, null, ProviderFields.MedicalLevel, provider.MedicalInstitutionLevel?.ToString(CultureInfo.InvariantCulture),
            terms.MedicalInstitutionLevel?.ToString(CultureInfo.InvariantCulture));
        log.Add(provider.Id, null, ProviderFields.Region, provider.RegionCode, terms.RegionCode);
        log.Add(provider.Id, null, ProviderFields.AgreementFrom, Day(provider.AgreementFrom), Day(terms.AgreementFrom));
        log.Add(provider.Id, null, ProviderFields.AgreementTo, Day(provider.AgreementTo), Day(terms.AgreementTo));
        log.Add(provider.Id, null, ProviderFields.BankName, provider.BankName, Blank(terms.BankName));
        log.Add(provider.Id, null, ProviderFields.BankAccountName, provider.BankAccountName, Blank(terms.BankAccountName));
        log.Add(provider.Id, null, ProviderFields.BankAccountNumber, provider.BankAccountNumber, Blank(terms.BankAccountNumber));
        log.Add(provider.Id, null, ProviderFields.LiabilityPolicy, provider.LiabilityInsurancePolicy, Blank(terms.LiabilityInsurancePolicy));
        log.Add(provider.Id, null, ProviderFields.LiabilityTo, Day(provider.LiabilityInsuranceTo), Day(terms.LiabilityInsuranceTo));

        provider.Name = terms.Name.Trim();
        provider.ServiceModes = modes;
        provider.MedicalInstitutionLevel = terms.MedicalInstitutionLevel;
        provider.RegionCode = terms.RegionCode;
        provider.AgreementFrom = terms.AgreementFrom;
        provider.AgreementTo = terms.AgreementTo;
        provider.BankName = Blank(terms.BankName);
        provider.BankAccountName = Blank(terms.BankAccountName);
        provider.BankAccountNumber = Blank(terms.BankAccountNumber);
        provider.LiabilityInsurancePolicy = Blank(terms.LiabilityInsurancePolicy);
        provider.LiabilityInsuranceTo = terms.LiabilityInsuranceTo;
    }
}

/// <summary>Checks shared by the care-worker use cases.</summary>
internal static class CareWorkerRules
{
    public static IRuleBuilderOptions<T, string> ValidIdNumber<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(id => IdNumber.TryParse(id, out _, out _))
            .WithMessage((_, id) => IdNumber.TryParse(id, out IdNumber? _, out var error) ? "" : $"身份证号码无效：{error}");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> KnownQualifications<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.Must(q => q.All(CareQualifications.All.Contains))
            .WithMessage((_, q) => $"资格「{string.Join("、", q.Where(c => !CareQualifications.All.Contains(c)))}」未知（可用：{string.Join("、", CareQualifications.All)}）");
}
