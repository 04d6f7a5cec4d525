using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Providers;

/// <summary>One named rule of the provider register and catalogue: code, clause and a Chinese message.</summary>
public sealed record ProviderRule(string Code, string Clause, string Message, bool Broken) : IBusinessRule
{
    public bool IsBroken() => Broken;

    /// <summary>Throws <see cref="BusinessRuleViolationException"/> when <paramref name="broken"/>.</summary>
    public static void Check(bool broken, string code, string clause, string message) =>
        BusinessRule.Check(new ProviderRule(code, clause, message, broken));
}

/// <summary>The clauses the provider register cites (see docs/providers.md).</summary>
public static class ProviderClauses
{
    /// <summary>定点服务机构实行协议管理.</summary>
    public const string Agreement = "SS 二(五)1、YZ 四(三)、YL 三(二)（定点协议管理）";

    /// <summary>个体服务人员: only the cities whose document admits them.</summary>
    public const string Individual = "SS 二(五)1、YZ 四(一)1（个体服务人员）";

    /// <summary>Commercial liability insurance of providers.</summary>
    public const string LiabilityInsurance = "SS 二(五)1（按有关规定购买商业责任保险）";

    /// <summary>Real-name management of care staff.</summary>
    public const string RealName = "YZ 四(一)1（实名制管理）";

    public const string Sanctions = "SS 二(十)、YZ 四(六)（违法、违规、违约行为的处理）";

    /// <summary>Jining pays 医疗专护 by the level of the medical institution.</summary>
    public const string MedicalLevel = "JN 三(二)（一、二、三级协议管理医疗机构）";

    /// <summary>The national 17-character service-item code.</summary>
    public const string NationalCode = "医保办函〔2025〕28号（长期护理保险服务项目编码）";

    public const string Catalogue = "服务项目和标准由统筹地区制定（SS 二(五)、YL 二(四)3）";
}

/// <summary>Stable codes of the register's refusals.</summary>
public static class ProviderCodes
{
    public const string InvalidInput = "invalid_input";
    public const string InvalidPeriod = "invalid_period";
    public const string NotFound = "provider_not_found";
    public const string CareWorkerNotFound = "care_worker_not_found";
    public const string SanctionNotFound = "sanction_not_found";
    public const string SanctionEnded = "sanction_already_ended";
    public const string DuplicateCode = "duplicate_code";
    public const string DuplicateWorker = "duplicate_care_worker";
    public const string IndividualNotAdmitted = "individual_provider_not_admitted";
    public const string ModeNotAdmitted = "service_mode_not_admitted";
    public const string LevelNotAllowed = "medical_level_not_allowed";
    public const string CatalogueRejected = "catalogue_rejected";
    public const string CatalogueNotLater = "catalogue_not_later";
}
