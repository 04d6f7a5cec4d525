using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.Providers;

/// <summary>
/// One item of a tenant's dated service catalogue (服务项目目录): what a claim line names. Items are imported by an admin
/// from a file; a later file (a new version) closes the previous items by setting their <see cref="ValidTo"/> to the day
/// before its <see cref="ValidFrom"/>. We ship no items: each tenant's catalogue is its own.
/// </summary>
public sealed class ServiceItem : ITenantOwned
{
    /// <summary>The longest national service-item code (医保办函〔2025〕28号: 17 characters).</summary>
    public const int NationalCodeLength = 17;

    private ServiceItem()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>The tenant's item code; unique per <see cref="ValidFrom"/>.</summary>
    public string Code { get; private init; } = "";

    public string Name { get; private init; } = "";

    /// <summary>A <c>LineCategories</c> code: care, medical_care, bed, meal, drug, other.</summary>
    public string Category { get; private init; } = "";

    /// <summary>计价单位 (次, 日, 小时 …).</summary>
    public string Unit { get; private init; } = "";

    /// <summary>The tenant's price in yuan where it sets one; null where the provider's charge is claimed.</summary>
    public decimal? Price { get; private init; }

    /// <summary>A <see cref="CareQualifications"/> code the delivering worker must hold, if any.</summary>
    public string? RequiredQualification { get; private init; }

    /// <summary>The national 17-character service-item code (医保办函〔2025〕28号), where mapped.</summary>
    public string? NationalCode { get; private init; }

    /// <summary>The national catalogue entry the item maps to (name or note), where mapped.</summary>
    public string? NationalMapping { get; private init; }

    public DateOnly ValidFrom { get; private init; }

    /// <summary>Last day the item applies; null: the current version.</summary>
    public DateOnly? ValidTo { get; private set; }

    public bool ValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    public static ServiceItem Create(string tenantId, string code, string name, string category, string unit, decimal? price,
        string? requiredQualification, string? nationalCode, string? nationalMapping, DateOnly validFrom) =>
        new()
        {
            TenantId = tenantId, Code = code, Name = name, Category = category, Unit = unit, Price = price,
            RequiredQualification = requiredQualification, NationalCode = nationalCode, NationalMapping = nationalMapping,
            ValidFrom = validFrom,
        };

    /// <summary>Closes the item: a new catalogue version applies from the day after <paramref name="lastDay"/>.</summary>
    public void Close(DateOnly lastDay)
    {
        ProviderRule.Check(lastDay < ValidFrom, ProviderCodes.CatalogueNotLater, ProviderClauses.Catalogue,
            $"新目录的生效日期必须晚于现行目录的生效日期 {ValidFrom:yyyy-MM-dd}");
        if (ValidTo is null || ValidTo > lastDay)
            ValidTo = lastDay;
    }
}

/// <summary>One imported catalogue file (a version): its first day, the file, how many items, who imported it when.</summary>
public sealed class ServiceCatalogueVersion : ITenantOwned
{
    private ServiceCatalogueVersion()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public DateOnly ValidFrom { get; private init; }

    public string FileName { get; private init; } = "";

    /// <summary>SHA-256 of the file, hex.</summary>
    public string Sha256 { get; private init; } = "";

    public int ItemCount { get; private init; }

    public string ImportedBy { get; private init; } = "";

    public DateTimeOffset ImportedAt { get; private init; }

    public static ServiceCatalogueVersion Record(string tenantId, DateOnly validFrom, string fileName, string sha256, int itemCount,
        string importedBy, DateTimeOffset importedAt) =>
        new()
        {
            TenantId = tenantId, ValidFrom = validFrom, FileName = fileName, Sha256 = sha256, ItemCount = itemCount,
            ImportedBy = importedBy, ImportedAt = importedAt,
        };
}
