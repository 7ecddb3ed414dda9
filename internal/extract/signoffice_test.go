package extract

import "testing"

// TestSigningOfficeIssues: minutes signed by a government's office over a
// date were compiled by it, and the government issues them.
func TestSigningOfficeIssues(t *testing.T) {
	body := "关于医疗保险筹资工作的会议纪要\n2019年10月8日，副县长王红梅主持召开专题会议。会议纪要如下：\n1、由县医保局牵头，县税务局配合，做好参保缴费工作。\n2、县财政局要按时足额落实财政补助资金。\n\n"
	for _, c := range []struct{ name, tail, issuer, compiled, issued string }{
		{"office over the date", "沅陵县人民政府办公室\n2019年10月10日\n", "沅陵县人民政府", "沅陵县人民政府办公室", "2019-10-10"},
		{"office and date on one line", "沅陵县人民政府办公室　2019年10月10日\n", "沅陵县人民政府", "沅陵县人民政府办公室", "2019-10-10"},
	} {
		d, err := parser(t).Parse(body+c.tail, Meta{Source: "t.txt"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Issuer != c.issuer || d.CompiledBy != c.compiled || d.IssuedOn != c.issued {
			t.Errorf("%s: issuer %q, compiled by %q, issued %q", c.name, d.Issuer, d.CompiledBy, d.IssuedOn)
		}
	}
}
