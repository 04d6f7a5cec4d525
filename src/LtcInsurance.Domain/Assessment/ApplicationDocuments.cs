namespace LtcInsurance.Domain.Assessment;

/// <summary>
/// The materials an assessment application carries (评估申请材料), as a checklist: which were provided is recorded on the
/// application; the files themselves are stored elsewhere. Required: an identity document and recent medical records
/// for every application, and the authorisation with the agent's identity document when someone other than the person
/// applies (29号 评估申请, as reported).
/// </summary>
public static class ApplicationDocuments
{
    public const string IdCard = "id_card";
    public const string MedicalRecords = "medical_records";
    public const string AgentAuthorization = "agent_authorization";

    public static IReadOnlyList<string> All { get; } = [IdCard, MedicalRecords, AgentAuthorization];

    public static string ChineseName(string code) => code switch
    {
        IdCard => "申请人身份证件",
        MedicalRecords => "近期病历等医疗诊断资料",
        AgentAuthorization => "委托书及代理人身份证件",
        _ => code,
    };

    public static bool IsKnown(string code) => All.Contains(code);

    /// <summary>The documents an application by <paramref name="applicantKind"/> must carry.</summary>
    public static IReadOnlyList<string> Required(string applicantKind) =>
        applicantKind is ApplicantKinds.Person or ApplicantKinds.Bureau ? [IdCard, MedicalRecords] : [IdCard, MedicalRecords, AgentAuthorization];
}

/// <summary>
/// Who applies: the person, a family member or guardian, a care institution on the person's behalf, or the bureau itself
/// ordering a re-assessment because a spot check (抽查) found the person's condition changed (<see cref="Bureau"/>: clerks
/// only, for a person who already has a conclusion; the 6-month re-application rule does not hold it back).
/// </summary>
public static class ApplicantKinds
{
    public const string Person = "person";
    public const string Family = "family";
    public const string Institution = "institution";
    public const string Bureau = "bureau";

    public static IReadOnlyList<string> All { get; } = [Person, Family, Institution, Bureau];

    public static string ChineseName(string code) => code switch
    {
        Person => "本人",
        Family => "家属或监护人",
        Institution => "护理机构代为申请",
        Bureau => "经办机构依抽查结果要求复评",
        _ => code,
    };
}

/// <summary>Where an application stands.</summary>
public static class ApplicationStatuses
{
    public const string Registered = "registered";
    public const string Incomplete = "incomplete";
    public const string Accepted = "accepted";
    public const string Refused = "refused";
    public const string Withdrawn = "withdrawn";
    public const string Assigned = "assigned";
    public const string Assessed = "assessed";
    public const string Concluded = "concluded";

    public static IReadOnlyList<string> All { get; } = [Registered, Incomplete, Accepted, Refused, Withdrawn, Assigned, Assessed, Concluded];

    /// <summary>Statuses of an application still in progress (a person has at most one).</summary>
    public static IReadOnlyList<string> Open { get; } = [Registered, Incomplete, Accepted, Assigned, Assessed];

    public static string ChineseName(string code) => code switch
    {
        Registered => "已登记待受理",
        Incomplete => "材料不全待补正",
        Accepted => "已受理",
        Refused => "不予受理",
        Withdrawn => "视为撤回",
        Assigned => "已委派评估机构",
        Assessed => "已现场评估待专家确认",
        Concluded => "已作出评估结论",
        _ => code,
    };
}

/// <summary>What an application is: a first assessment or the 复评 an objection opened (29号).</summary>
public static class ApplicationKinds
{
    public const string Initial = "initial";
    public const string Review = "review";

    public static IReadOnlyList<string> All { get; } = [Initial, Review];
}

/// <summary>How a conclusion letter was delivered (送达).</summary>
public static class DeliveryMethods
{
    public const string InPerson = "in_person";
    public const string Post = "post";
    public const string Electronic = "electronic";
    public const string Agent = "agent";

    public static IReadOnlyList<string> All { get; } = [InPerson, Post, Electronic, Agent];

    public static string ChineseName(string code) => code switch
    {
        InPerson => "直接送达",
        Post => "邮寄送达",
        Electronic => "电子送达",
        Agent => "委托代理人签收",
        _ => code,
    };
}
