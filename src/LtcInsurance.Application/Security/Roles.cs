namespace LtcInsurance.Application.Security;

/// <summary>The five roles of the system. Names are stored in the database; keep them stable.</summary>
public static class Roles
{
    public const string Clerk = "clerk";
    public const string Institution = "institution";
    public const string Assessor = "assessor";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Clerk, Institution, Assessor, Auditor, Admin];
}
