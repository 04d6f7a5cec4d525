namespace LtcInsurance.Application.Jobs;

/// <summary>The kinds of background job, as stored in <c>background_jobs.kind</c>.</summary>
public static class JobKinds
{
    public const string BillingRun = "billing_run";

    public const string RegisterImport = "register_import";

    /// <summary>A tax-bureau collection file (税务征收明细导入): Contributions/StartCollectionImport.</summary>
    public const string CollectionImport = "collection_import";

    /// <summary>A base file (缴费基数导入): ContributionBases/StartBaseImport.</summary>
    public const string BaseImport = "base_import";

    /// <summary>The anomaly rules over recent months (异常数据筛查): Supervision/StartSupervisionRun, nightly and <c>ltc supervise run</c>.</summary>
    public const string SupervisionRun = "supervision_run";

    /// <summary>Every kind there is: what a list of jobs may be asked for.</summary>
    public static readonly IReadOnlyList<string> All = [BillingRun, RegisterImport, CollectionImport, BaseImport, SupervisionRun];

    /// <summary>The Chinese name a page shows.</summary>
    public static string Title(string kind) => kind switch
    {
        BillingRun => "缴费核定",
        RegisterImport => "参保登记导入",
        CollectionImport => "税务征收明细导入",
        BaseImport => "缴费基数导入",
        SupervisionRun => "异常数据筛查",
        _ => kind,
    };
}
