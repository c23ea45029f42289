using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AdviesRoute.Host.Documents;

/// <summary>
/// An <see cref="OfficialDocument"/> as a Word document for the secretariat to edit further: its title and headings as
/// Word's own Title and Heading 1 styles (so the navigation pane and a table of contents work), tables with a header
/// row repeated on each page, the GR's name in the page header and "Pagina n van m" (fields) in the footer. A4, Dutch.
/// </summary>
internal static class DocxRendering
{
    private const string Font = EmbeddedFonts.Family;

    public static byte[] Render(OfficialDocument document, string organisation)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Subtitle is null ? document.Title : $"{document.Title} – {document.Subtitle}";
            word.PackageProperties.Creator = organisation;
            word.PackageProperties.Language = "nl-NL";
            var main = word.AddMainDocumentPart();
            Styles(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Koptekst" }), new Run(new Text(organisation))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Voettekst" }, new Justification { Val = JustificationValues.Right }),
                new Run(new Text("Pagina ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
                new Run(new Text(" van ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));

            var body = new Body();
            body.Append(Paragraph(document.Title, "Title"));
            if (document.Subtitle is { } subtitle)
            {
                body.Append(Paragraph(subtitle, "Subtitle"));
            }

            if (document.Reference is { } reference)
            {
                body.Append(Paragraph("Kenmerk: " + reference, null));
            }

            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case DocumentHeading heading:
                        body.Append(Paragraph(heading.Text, "Heading1"));
                        break;
                    case DocumentParagraph paragraph:
                        body.Append(Paragraph(paragraph.Text, null));
                        break;
                    case DocumentList list:
                        for (var i = 0; i < list.Items.Count; i++)
                        {
                            body.Append(ListItem(list.Numbered ? string.Create(CultureInfo.InvariantCulture, $"{i + 1}.") : "•", list.Items[i]));
                        }

                        break;
                    case DocumentTable table:
                        body.Append(Table(table));
                        body.Append(new Paragraph());
                        break;
                    case DocumentSignatures signatures:
                        body.Append(Signatures(signatures));
                        break;
                    default:
                        throw new ArgumentException($"Onbekend documentonderdeel {block.GetType().Name}.", nameof(document));
                }
            }

            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906U, Height = 16838U }, // A4 in twentieths of a point
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph in a style; "\n" in the text becomes a line break.</summary>
    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        var run = new Run();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static Paragraph ListItem(string marker, string text)
    {
        var paragraph = Paragraph(marker + "\t" + text, null);
        paragraph.PrependChild(new ParagraphProperties(
            new Tabs(new TabStop { Val = TabStopValues.Left, Position = 397 }),
            new Indentation { Left = "397", Hanging = "397" }));
        return paragraph;
    }

    private static Table Table(DocumentTable table)
    {
        var result = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" }),
            new TableLayout { Type = TableLayoutValues.Autofit }));
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var column in table.Columns)
        {
            header.Append(new TableCell(
                new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "EEEEEE", Color = "auto" }),
                new Paragraph(new Run(new RunProperties(new Bold()), new Text(column) { Space = SpaceProcessingModeValues.Preserve }))));
        }

        result.Append(header);
        foreach (var row in table.Rows)
        {
            var tableRow = new TableRow();
            foreach (var cell in row)
            {
                tableRow.Append(new TableCell(Paragraph(cell, null)));
            }

            result.Append(tableRow);
        }

        return result;
    }

    /// <summary>The signers side by side: role, room to sign, a line, the name.</summary>
    private static Table Signatures(DocumentSignatures signatures)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None })));
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        foreach (var signer in signatures.Signers)
        {
            row.Append(new TableCell(
                new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "480", After = "960" }),
                    new Run(new RunProperties(new Bold()), new Text(signer.Role))),
                new Paragraph(
                    new ParagraphProperties(new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 4, Color = "999999" })),
                    new Run(new Text(signer.Name ?? "") { Space = SpaceProcessingModeValues.Preserve }))));
        }

        table.Append(row);
        return table;
    }

    /// <summary>Normal, Title, Subtitle and Heading 1 (Word's own style ids, so its navigation and contents see them), header and footer.</summary>
    private static void Styles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "21" }, new Languages { Val = "nl-NL" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            Style("Normal", "Standaard", null, isDefault: true),
            Style("Title", "Titel", new StyleRunProperties(new Bold(), new FontSize { Val = "36" }), outline: null, after: "60"),
            Style("Subtitle", "Ondertitel", new StyleRunProperties(new FontSize { Val = "23" }), outline: null, after: "240"),
            Style("Heading1", "Kop 1", new StyleRunProperties(new Bold(), new FontSize { Val = "26" }), outline: 0, before: "280", after: "80"),
            Style("Koptekst", "Koptekst", new StyleRunProperties(new Color { Val = "555555" }, new FontSize { Val = "17" })),
            Style("Voettekst", "Voettekst", new StyleRunProperties(new Color { Val = "555555" }, new FontSize { Val = "17" })));
    }

    private static Style Style(string id, string name, StyleRunProperties? run, int? outline = null, string? before = null, string? after = null, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
            style.Append(new PrimaryStyle());
        }

        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }

        if (before is not null || after is not null)
        {
            paragraph.Append(new SpacingBetweenLines { Before = before, After = after });
        }

        if (outline is { } outlineLevel)
        {
            paragraph.Append(new OutlineLevel { Val = outlineLevel });
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }
}
