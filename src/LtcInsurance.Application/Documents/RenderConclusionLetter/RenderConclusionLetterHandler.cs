using System.Globalization;
using LtcInsurance.Application.Common.Documents;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Documents.RenderConclusionLetter;

internal sealed class RenderConclusionLetterHandler(INoticeRenderer renderer) : IRequestHandler<RenderConclusionLetterQuery, DocumentFile>
{
    public Task<DocumentFile> Handle(RenderConclusionLetterQuery request, CancellationToken cancellationToken)
    {
        var notice = ConclusionLetterNotice.Compose(request.Letter!);
        var letter = request.Letter!;
        var name = $"失能等级评估结论书-{letter.PersonName!.Trim()}-{letter.Date!.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.pdf";
        return Task.FromResult(new DocumentFile(name, DocumentFile.PdfContentType, renderer.RenderPdf(notice)));
    }
}

/// <summary>The wording and layout of the conclusion letter, as a <see cref="Notice"/>.</summary>
public static class ConclusionLetterNotice
{
    public static Notice Compose(ConclusionLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var from = ChineseDate(letter.ValidFrom!.Value);
        var validity = letter.ValidTo is { } to ? $"{from}至{ChineseDate(to)}" : $"自{from}起，至重新评估作出新结论之日止";
        var standard = string.IsNullOrWhiteSpace(letter.Standard) ? "" : $"依据《{letter.Standard.Trim().Trim('《', '》')}》，";
        var scores = letter.Scores!;
        var withMax = scores.Any(s => s.MaxScore is not null);
        var withResult = scores.Any(s => !string.IsNullOrWhiteSpace(s.Result));
        IReadOnlyList<string> header = [.. new[] { "评估维度", "得分" }
            .Concat(withMax ? ["满分"] : []).Concat(withResult ? ["维度结果"] : [])];
        IReadOnlyList<IReadOnlyList<string>> rows = [.. scores.Select(s => (IReadOnlyList<string>)[.. new[] { s.Dimension.Trim(), Number(s.Score) }
            .Concat(withMax ? [s.MaxScore is { } max ? Number(max) : "—"] : [])
            .Concat(withResult ? [s.Result?.Trim() ?? "—"] : [])])];

        return new Notice("长期护理保险失能等级评估结论书", string.IsNullOrWhiteSpace(letter.LetterNumber) ? null : letter.LetterNumber.Trim(),
            [
                new NoticeParagraph($"{letter.PersonName!.Trim()}（身份证号码：{MaskIdNumber(letter.IdNumber!)}）：", Indent: false),
                new NoticeParagraph($"{standard}经对您的失能状况进行评估，评估结论如下。"),
                new NoticeHeading("一、评估结论"),
                new NoticeParagraph($"失能等级：{letter.Level!.Trim()}。"),
                new NoticeHeading("二、各维度得分"),
                new NoticeTable(header, rows, [.. header.Select((_, i) => i == 0 ? 3.0 : 1.5)]),
                new NoticeHeading("三、结论有效期"),
                new NoticeParagraph($"本结论有效期为{validity}。有效期内失能状况发生明显变化的，可申请重新评估。"),
                new NoticeHeading("四、异议"),
                new NoticeParagraph($"如对本结论有异议，{letter.Objection!.Trim().TrimEnd('。')}。"),
                new NoticeParagraph($"异议受理地点：{letter.ObjectionPlace!.Trim().TrimEnd('。')}。"),
                new NoticeParagraph("特此告知。"),
            ],
            new NoticeSignature(letter.Agency!.Trim(), letter.Date!.Value))
        {
            Subject = letter.PersonName.Trim(),
        };
    }

    /// <summary>The first four and last four characters of an ID number; everything between as '*'.</summary>
    public static string MaskIdNumber(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var text = idNumber.Trim().ToUpperInvariant();
        if (IdNumber.TryParse(text, out var id, out _))
            return id.Masked;
        return text.Length <= 8 ? new string('*', text.Length) : string.Concat(text.AsSpan(0, 4), new string('*', text.Length - 8), text.AsSpan(text.Length - 4));
    }

    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
