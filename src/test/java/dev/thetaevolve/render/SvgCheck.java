package dev.thetaevolve.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A parsed drawing: counts shapes by class and checks that every shape lies inside the view box. */
public final class SvgCheck {
    private final Document doc;
    public final double width, height;

    private SvgCheck(Document doc) {
        this.doc = doc;
        String[] vb = doc.getDocumentElement().getAttribute("viewBox").trim().split("\\s+");
        assertThat(vb).hasSize(4);
        assertThat(Double.parseDouble(vb[0])).isZero();
        assertThat(Double.parseDouble(vb[1])).isZero();
        width = Double.parseDouble(vb[2]);
        height = Double.parseDouble(vb[3]);
        assertThat(width).isPositive();
        assertThat(height).isPositive();
    }

    /** Parses the document (XML well-formedness, svg root) and checks the view box. */
    public static SvgCheck parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            assertThat(d.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(d.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
            SvgCheck c = new SvgCheck(d);
            c.assertInsideViewBox();
            return c;
        } catch (Exception e) {
            String head = svg.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]*", "data:…");
            throw new AssertionError("not a well-formed SVG document: " + e + "\n" + head.substring(0, Math.min(2000, head.length())), e);
        }
    }

    /** Elements with this class. */
    public List<Element> byClass(String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class"))) out.add(e);
        }
        return out;
    }

    public int count(String cls) {
        return byClass(cls).size();
    }

    /** The text of every {@code text} element, in order, joined by newlines. */
    public String text() {
        StringBuilder b = new StringBuilder();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) b.append(texts.item(i).getTextContent()).append('\n');
        return b.toString();
    }

    /** The header's caption lines, joined by " · ". */
    public String captions() {
        StringBuilder b = new StringBuilder();
        for (Element e : byClass("caption")) b.append(b.isEmpty() ? "" : " · ").append(e.getTextContent());
        return b.toString();
    }

    public String title() {
        return doc.getElementsByTagName("title").item(0).getTextContent();
    }

    public String textOf(String cls) {
        List<Element> e = byClass(cls);
        assertThat(e).as("an element of class " + cls).isNotEmpty();
        return e.get(0).getTextContent();
    }

    /** The PNG inside an {@code image} element, decoded. */
    public BufferedImage image(String cls) throws Exception {
        String href = byClass(cls).get(0).getAttribute("href");
        assertThat(href).startsWith("data:image/png;base64,");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(href.substring("data:image/png;base64,".length()))));
    }

    private void assertInsideViewBox() {
        NodeList all = doc.getElementsByTagName("*");
        double tol = 1.0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            List<double[]> pts = new ArrayList<>();
            switch (e.getTagName()) {
                case "circle" -> {
                    double cx = num(e, "cx"), cy = num(e, "cy"), r = num(e, "r");
                    pts.add(new double[]{cx - r, cy - r});
                    pts.add(new double[]{cx + r, cy + r});
                }
                case "line" -> {
                    pts.add(new double[]{num(e, "x1"), num(e, "y1")});
                    pts.add(new double[]{num(e, "x2"), num(e, "y2")});
                }
                case "rect", "image" -> {
                    double x = e.hasAttribute("x") ? num(e, "x") : 0, y = e.hasAttribute("y") ? num(e, "y") : 0;
                    pts.add(new double[]{x, y});
                    pts.add(new double[]{x + num(e, "width"), y + num(e, "height")});
                }
                case "polygon", "polyline" -> {
                    for (String p : e.getAttribute("points").trim().split("\\s+")) {
                        String[] xy = p.split(",");
                        double x = Double.parseDouble(xy[0]), y = Double.parseDouble(xy[1]);
                        assertThat(Double.isFinite(x) && Double.isFinite(y)).as("finite points: " + p).isTrue();
                        pts.add(new double[]{x, y});
                    }
                }
                case "text" -> pts.add(new double[]{num(e, "x"), num(e, "y")});
                default -> {
                }
            }
            for (double[] p : pts) {
                assertThat(p[0]).as(e.getTagName() + " class " + e.getAttribute("class") + " x").isBetween(-tol, width + tol);
                assertThat(p[1]).as(e.getTagName() + " class " + e.getAttribute("class") + " y").isBetween(-tol, height + tol);
            }
        }
    }

    private static double num(Element e, String attr) {
        double v = Double.parseDouble(e.getAttribute(attr));
        assertThat(Double.isFinite(v)).as(e.getTagName() + " " + attr + " is finite: " + e.getAttribute(attr)).isTrue();
        return v;
    }
}
