using FluentValidation;

namespace LtcInsurance.Application.Documents.RenderConclusionLetter;

internal sealed class RenderConclusionLetterValidator : AbstractValidator<RenderConclusionLetterQuery>
{
    public RenderConclusionLetterValidator()
    {
        RuleFor(q => q.Letter).NotNull().WithMessage("缺少结论书内容");
        When(q => q.Letter is not null, () =>
        {
            RuleFor(q => q.Letter!.PersonName).NotEmpty().WithMessage("请填写被评估人姓名").MaximumLength(50).WithMessage("姓名过长");
            RuleFor(q => q.Letter!.IdNumber).NotEmpty().WithMessage("请填写身份证号码")
                .Length(8, 32).WithMessage("身份证号码长度不对");
            RuleFor(q => q.Letter!.Level).NotEmpty().WithMessage("请填写评估结论（失能等级）").MaximumLength(50).WithMessage("失能等级过长");
            RuleFor(q => q.Letter!.Standard).MaximumLength(100).WithMessage("评估标准名称过长");
            RuleFor(q => q.Letter!.LetterNumber).MaximumLength(64).WithMessage("文书编号过长");
            RuleFor(q => q.Letter!.Scores).NotEmpty().WithMessage("请列出各维度得分")
                .Must(s => s is null || s.Count <= 30).WithMessage("维度过多（最多 30 项）");
            RuleForEach(q => q.Letter!.Scores).ChildRules(s =>
            {
                s.RuleFor(x => x.Dimension).NotEmpty().WithMessage("每项得分须注明维度").MaximumLength(50).WithMessage("维度名称过长");
                s.RuleFor(x => x.Score).GreaterThanOrEqualTo(0).WithMessage(x => $"维度「{x.Dimension}」的得分不能为负");
                s.RuleFor(x => x.MaxScore).Must((x, max) => max is null || max >= x.Score)
                    .WithMessage(x => $"维度「{x.Dimension}」的得分超过满分");
                s.RuleFor(x => x.Result).MaximumLength(30).WithMessage("维度结果过长");
            });
            RuleFor(q => q.Letter!.ValidFrom).NotNull().WithMessage("请填写有效期起始日");
            RuleFor(q => q.Letter!.ValidTo).Must((q, to) => to is null || q.Letter!.ValidFrom is null || to >= q.Letter.ValidFrom)
                .WithMessage("有效期截止日不能早于起始日");
            RuleFor(q => q.Letter!.Objection).NotEmpty().WithMessage("请填写异议的提出方式和期限（依本市规定）")
                .MaximumLength(500).WithMessage("异议说明过长（最多 500 个字符）");
            RuleFor(q => q.Letter!.ObjectionPlace).NotEmpty().WithMessage("请填写受理异议的地点")
                .MaximumLength(200).WithMessage("异议受理地点过长（最多 200 个字符）");
            RuleFor(q => q.Letter!.Agency).NotEmpty().WithMessage("请填写出具结论书的机构").MaximumLength(100).WithMessage("机构名称过长");
            RuleFor(q => q.Letter!.Date).NotNull().WithMessage("请填写结论书日期");
        });
    }
}
