using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PerfEval.Application.Indicators;
using static PerfEval.Application.Reports.ReportFigures;

namespace PerfEval.Application.Reports;

/// <summary>
/// Lays out the report as the seeds do (附件, title, 年度, unit and filing date, sections 一 to 六),
/// in the seeds' own sentences so that a reader of the provincial template can read it back.
/// </summary>
internal static class ReportDocument
{
    /// <summary>仿宋/宋体 as the provincial template sets them; LibreOffice and WPS substitute what they have.</summary>
    private const string BodyFont = "仿宋_GB2312";
    private const string TitleFont = "方正小标宋简体";
    private const string HeadingFont = "黑体";

    public static byte[] Write(ReportFacts facts)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            new Writer(body).Report(facts);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1304U, Bottom = 1440, Left = 1304U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = BodyFont },
                    new FontSize { Val = "32" },
                    new FontSizeComplexScript { Val = "32" },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    /// <summary>Appends the report's paragraphs and tables to the body, section by section.</summary>
    private sealed class Writer(Body body)
    {
        public void Report(ReportFacts facts)
        {
            var d = facts.Department;
            var card = facts.Scorecard;
            var b = card.Budget;
            var year = facts.FiscalYear;

            Plain("附件 4:", bold: false);
            Title("部门单位整体支出绩效自评报告", 44);
            Title($"({year}年度)", 32);
            Plain($"部门单位名称(公章): {d.Name}");
            Plain($"填报时间: {Date(facts.Narrative?.FiledOn)}");

            Heading("一、基本概况:");
            Heading("(一)部门单位基本情况:");
            Paragraph("1.部门主要职能");
            Texts(d.Functions);
            Paragraph("2.部门机构设置及人员构成");
            var setup = $"{d.Name}是{d.UnitType ?? "部门单位"}";
            setup += string.IsNullOrEmpty(d.Level) ? "。" : $"，为{d.Level}。";
            if (d.Divisions.Count > 0)
            {
                setup += $"下设 {d.Divisions.Count} 个科室，分别是：{string.Join("、", d.Divisions)}。";
            }

            Paragraph(setup);
            var s = d.Staffing;
            var posts = (s.Administrative ?? 0) + (s.Institutional ?? 0) + (s.Logistics ?? 0);
            var staffing = $"{d.Name}编制 {Count(posts)} 名，其中：行政编制 {Count(s.Administrative ?? 0)} 名，事业编制 {Count(s.Institutional ?? 0)} 名";
            staffing += s.Logistics is > 0 ? $"，工勤编制 {Count(s.Logistics)} 名。" : "。";
            if (s.Actual is not null)
            {
                staffing += $"实有人员 {Count(s.Actual)} 人。";
            }

            Paragraph(staffing);

            // The year's key work (年度重点工作) is not held as data; the heading keeps the template's numbering.
            Heading("(二)部门单位年度重点工作:");
            Heading("(三)部门单位整体预算规模及安排情况:");
            Paragraph($"在部门单位整体预算规模方面，我单位{year}年部门单位整体年初预算数为 {Money(b.Initial)} 万元，预算数(调整后)为 {Money(b.Adjusted)} 万元，执行数为 {Money(b.Executed)} 万元，预算执行率 {Rate(b.ExecutionRate)}。");
            Paragraph("1.年初预算安排情况");
            var f = card.ByFundingSource;
            Paragraph($"我单位年初批复预算数为 {Money(b.Initial)} 万元，其中：上级资金安排年初预算数为 {Money(f.Superior.Initial)} 万元，本级资金安排年初预算数为 {Money(f.OwnLevel.Initial)} 万元，其他资金安排年初预算数为 {Money(f.Other.Initial)} 万元。");
            Paragraph("2.预算调整情况");
            var direction = b.Adjustments < 0 ? "调减" : "调增";
            Paragraph($"我单位年初批复预算数 {Money(b.Initial)} 万元，年中{direction}数 {Money(Math.Abs(b.Adjustments))} 万元，调整后全年预算数 {Money(b.Adjusted)} 万元，预算调整率 {Rate(b.AdjustmentRate)}。");
            Paragraph("3.全年预算执行情况");
            Paragraph($"全年预算数为 {Money(b.Adjusted)} 万元，全年实际支出资金 {Money(b.Executed)} 万元，预算执行率为 {Rate(b.ExecutionRate)}。");
            Paragraph("4.资金使用主要内容及范围");
            var c = card.ByExpenditureClass;
            Paragraph($"我单位 {year} 年全年预算支出金额共 {Money(b.Adjusted)} 万元，其中：基本支出为 {Money(c.Basic.Adjusted)} 万元，项目支出 {Money(c.Project.Adjusted)} 万元。");

            Heading("二、部门单位整体支出管理及使用情况:");
            Heading("(一)基本支出和使用情况");
            Paragraph($"{year}年本单位基本支出全年预算总额 {Money(c.Basic.Adjusted)} 万元，其中：人员经费 {Money(c.Personnel.Adjusted)} 万元，公用经费 {Money(c.Operating.Adjusted)} 万元。实际支出 {Money(c.Basic.Executed)} 万元，基本支出预算执行率 {Rate(c.Basic.ExecutionRate)}。");
            Heading("(二)项目管理和使用情况");
            var online = facts.Projects.Count(p => p.OnPlatform);
            var offline = facts.Projects.Count - online;
            Paragraph($"{year}年本单位共有 {Count(facts.Projects.Count)} 个项目(线上 {Count(online)} 个项目纳入财政绩效平台管理，线下 {Count(offline)} 个项目未纳入财政绩效平台管理，由单位内部跟踪监管)，项目总金额为 {Money(c.Project.Adjusted)} 万元，执行金额为 {Money(c.Project.Executed)} 万元，项目支出预算执行率 {Rate(c.Project.ExecutionRate)}。");

            Heading("三、部门单位整体支出绩效分析:");
            Paragraph($"我单位 {year} 年全年预算金额为 {Money(b.Adjusted)} 万元，执行金额为 {Money(b.Executed)} 万元，执行率为 {Rate(b.ExecutionRate)}，得 {Points(card.ExecutionScore)} 分。");
            var n = 0;
            foreach (var indicator in facts.Indicators)
            {
                n++;
                Heading($"({Chinese(n)})指标{Chinese(n)}:");
                Paragraph(IndicatorSentence(indicator, facts.ScoreOf(indicator)));
            }

            Heading("四、评价结论:");
            Paragraph($"{year}年度部门整体支出绩效自评综合得分{Points(card.CompositeScore)}分，评价结果为\u201C{Grade(card.Grade)}\u201D。");

            Heading("五、存在的主要问题及原因分析:");
            Heading("(一)存在的主要问题");
            Texts(facts.Narrative?.Problems);
            Heading("(二)原因分析");
            Texts(facts.Narrative?.Causes);

            Heading("六、改进措施和建议:");
            Heading("(一)改进措施");
            Texts(facts.Narrative?.ImprovementMeasures);
            Heading("(二)建议");
            Texts(facts.Narrative?.Suggestions);

            Form(SelfEvaluationForm.From(facts), d.Name, year);
            Findings(facts);
        }

        /// <summary>The template's sentence for one indicator, figures from the scorecard, values as written.</summary>
        private static string IndicatorSentence(IndicatorResponse i, Evaluations.IndicatorScorecard? scored)
        {
            var completion = scored?.Completion;
            var text = i.Kind == IndicatorKind.Qualitative
                ? $"{i.Name}：该指标为定性指标，本次评价结果为{Tier(i.QualitativeTier)}，完成率 {Rate(completion)}。"
                : $"{i.Name}：该指标预期指标值为{Phrase(i.Operator)} {WithUnit(i.Target, i.Unit)}，"
                  + (i.MidYearValue is null ? "" : $"年中监控实际完成值为 {WithUnit(i.MidYearValue, i.Unit)}，")
                  + $"本次评价完成值为 {WithUnit(i.FinalValue, i.Unit)}，完成率 {Rate(completion)}。";
            if (!string.IsNullOrWhiteSpace(i.Evidence))
            {
                text += $"根据{i.Evidence.TrimEnd('。')}，本次评价实际完成值为 {WithUnit(i.FinalValue, i.Unit)}，{Outcome(completion)}。";
            }
            else
            {
                text += $"{Outcome(completion)}。";
            }

            if (!string.IsNullOrWhiteSpace(i.DeviationReason))
            {
                text += $"偏差原因：{i.DeviationReason.TrimEnd('。')}。";
            }

            if (!string.IsNullOrWhiteSpace(i.ImprovementMeasure))
            {
                text += $"改进措施：{i.ImprovementMeasure.TrimEnd('。')}。";
            }

            return text + $"该指标权重分值为 {Stated(i.Weight)} 分，自评得分 {Points(scored?.Score)} 分。";
        }

        private void Form(SelfEvaluationForm form, string departmentName, int year)
        {
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            Title("部门单位整体支出绩效自评表", 36);
            Title($"({year}年度)", 28);
            Plain($"部门单位名称: {departmentName}");

            var funds = Table([1798, 1300, 1300, 1300, 1000, 1300, 1300]);
            funds.Append(Row(SelfEvaluationForm.FundsHeaders, header: true));
            foreach (var row in form.Funds)
            {
                funds.Append(Row(
                [
                    row.Label, Money(row.Totals.Initial), Money(row.Totals.Adjusted), Money(row.Totals.Executed),
                    row.Weight is null ? "" : Stated(row.Weight), Rate(row.Totals.ExecutionRate).TrimEnd('%'), row.Score is null ? "" : Points(row.Score),
                ], header: false));
            }

            body.Append(funds);
            Plain("");

            var indicators = Table([900, 1000, 1700, 1000, 1000, 600, 800, 2298]);
            indicators.Append(Row(SelfEvaluationForm.IndicatorHeaders, header: true));
            foreach (var row in form.Indicators)
            {
                indicators.Append(Row(
                    [row.Category, row.Subcategory, row.Name, row.Target, row.Actual, Stated(row.Weight), Points(row.Score), row.Deviation],
                    header: false));
            }

            indicators.Append(Row(["总分", "", "", "", "", Stated(form.WeightTotal), Points(form.Composite), $"评价结果：{form.Grade}"], header: true));
            body.Append(indicators);
        }

        private void Findings(ReportFacts facts)
        {
            var findings = facts.DeclaredFindings;
            if (findings.Count == 0)
            {
                return;
            }

            Heading("附：数据核对发现");
            Paragraph("以下为报告填报数与按规则计算数不一致之处（金额单位：元）：");
            var n = 0;
            foreach (var finding in findings)
            {
                n++;
                Paragraph($"{n}.{finding.Message}（{finding.Code}）");
            }
        }

        private static Table Table(int[] widths)
        {
            var table = new Table(new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U },
                    new RightBorder { Val = BorderValues.Single, Size = 4U },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U }),
                new TableLayout { Type = TableLayoutValues.Fixed }));
            table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
            return table;
        }

        private static TableRow Row(IEnumerable<string> cells, bool header) => new(cells.Select(text => new TableCell(
            new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
            new Paragraph(
                new ParagraphProperties(
                    new SpacingBetweenLines { Line = "300", LineRule = LineSpacingRuleValues.Auto },
                    new Justification { Val = JustificationValues.Center }),
                TextRun(text, header, BodyFont, 21)))));

        private void Title(string text, int halfPoints) => body.Append(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            TextRun(text, bold: true, TitleFont, halfPoints)));

        private void Heading(string text) => body.Append(new Paragraph(
            new ParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "640" }),
            TextRun(text, bold: true, HeadingFont, null)));

        private void Plain(string text, bool bold = false) => body.Append(new Paragraph(TextRun(text, bold, null, null)));

        private void Paragraph(string text) => body.Append(new Paragraph(
            new ParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "640" }, new Justification { Val = JustificationValues.Both }),
            TextRun(text, bold: false, null, null)));

        /// <summary>Stored narrative: one paragraph per line.</summary>
        private void Texts(string? text)
        {
            foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Paragraph(line);
            }
        }

        private static Run TextRun(string text, bool bold, string? font, int? halfPoints)
        {
            var properties = new RunProperties();
            if (font is not null)
            {
                properties.Append(new RunFonts { EastAsia = font });
            }

            if (bold)
            {
                properties.Append(new Bold());
            }

            if (halfPoints is { } size)
            {
                properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            var run = new Run();
            if (properties.HasChildren)
            {
                run.Append(properties);
            }

            run.Append(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
            return run;
        }

        /// <summary>Characters XML cannot hold are replaced, not dropped silently.</summary>
        private static string Clean(string text) => text.Any(ch => !System.Xml.XmlConvert.IsXmlChar(ch) && !char.IsSurrogate(ch))
            ? new string([.. text.Select(ch => System.Xml.XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch) ? ch : '\uFFFD')])
            : text;
    }
}
