using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Documents.RenderConclusionLetter;

/// <summary>
/// The assessment conclusion letter (失能等级评估结论书) as a printable Chinese PDF: who (name, ID number masked), the
/// level with the score of every dimension, the validity, how and where to object, the issuing agency and the date.
/// The assessment feature fills the <see cref="ConclusionLetter"/> from a concluded assessment; this query only lays it out.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Assessor, Roles.Admin)]
public sealed record RenderConclusionLetterQuery(ConclusionLetter? Letter) : IRequest<DocumentFile>;

/// <summary>What a conclusion letter says.</summary>
/// <param name="LetterNumber">The letter's reference (文书编号), if the agency numbers them.</param>
/// <param name="IdNumber">The full ID number; the letter shows it masked (first four and last four characters).</param>
/// <param name="Level">The conclusion, e.g. 重度失能二级.</param>
/// <param name="Standard">The standard assessed against, e.g. 长期护理失能等级评估标准（试行）.</param>
/// <param name="Scores">The score of every dimension of the instrument, in its order.</param>
/// <param name="ValidTo">Last day of validity; null when the conclusion is valid until a re-assessment.</param>
/// <param name="Objection">How to object (within which period, in which form) as the tenant's rules say.</param>
/// <param name="ObjectionPlace">Where to object (office, address, telephone).</param>
/// <param name="Agency">The issuing body (评估机构 or 经办机构).</param>
/// <param name="Date">The letter's date.</param>
public sealed record ConclusionLetter(
    string? LetterNumber,
    string? PersonName,
    string? IdNumber,
    string? Level,
    string? Standard,
    IReadOnlyList<DimensionScore>? Scores,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? Objection,
    string? ObjectionPlace,
    string? Agency,
    DateOnly? Date);

/// <summary>One dimension's score (e.g. 日常生活活动能力 45 of 100). <paramref name="Result"/>: its grade, if the standard names one.</summary>
public sealed record DimensionScore(string Dimension, decimal Score, decimal? MaxScore = null, string? Result = null);
