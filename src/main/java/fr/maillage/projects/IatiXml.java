package fr.maillage.projects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * The XML machinery of IATI, set up once and safely: the 2.03 schema shipped in
 * {@code refdata/iati/schema-2.03} (its included and imported files are read from the class path,
 * never from the network), and parsers that refuse any DOCTYPE (no DTD, so no entity expansion
 * such as a "billion laughs" bomb and no external entity reading a file of the server), with the
 * JDK's secure processing limits on.
 */
final class IatiXml {

    static final String NS = "";
    /** Namespace of Maillage's own extension elements in an export (lessons learned, funder kinds...). */
    static final String MAILLAGE_NS = "urn:maillage:iati:1";
    static final String SCHEMA_DIR = "refdata/iati/schema-2.03/";

    private static final Schema SCHEMA = loadSchema();

    private IatiXml() {
    }

    static Schema schema() {
        return SCHEMA;
    }

    /** A validator of the shipped schema that reads nothing from outside and reports in {@code locale}. */
    static Validator validator(Locale locale) {
        Validator v = SCHEMA.newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        setLocale(v, locale);
        return v;
    }

    /** The same, as a SAX filter (the import validates and reads a file in one pass). */
    static ValidatorHandler validatorHandler(Locale locale) {
        ValidatorHandler v = SCHEMA.newValidatorHandler();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        try {
            v.setProperty("http://apache.org/xml/properties/locale", locale == null ? Locale.FRENCH : locale);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // another JAXP implementation: its messages stay in its own language
        }
        return v;
    }

    private static void setLocale(Validator v, Locale locale) {
        try {
            v.setProperty("http://apache.org/xml/properties/locale", locale == null ? Locale.FRENCH : locale);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // another JAXP implementation: its messages stay in its own language
        }
    }

    /** A namespace-aware SAX reader that refuses DOCTYPE declarations and external entities. */
    static XMLReader secureReader() {
        try {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader reader = f.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("SAX parser without secure features", e);
        }
    }

    /** A StAX input factory that does not process DTDs nor external entities (it still reports a DOCTYPE as an event). */
    static XMLInputFactory secureInputFactory() {
        // the JDK's own implementation, whatever else is on the class path: its behaviour with DTDs is the one tested
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    static XMLOutputFactory outputFactory() {
        return XMLOutputFactory.newDefaultFactory();
    }

    /** Text safe for XML 1.0: characters XML forbids (most control characters, lone surrogates) are dropped. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static Schema loadSchema() {
        try {
            SchemaFactory f = SchemaFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // the schema includes iati-common.xsd and imports xml.xsd by relative path: give them from the class path
            f.setResourceResolver(new ClassPathSchemas());
            URL main = new ClassPathResource(SCHEMA_DIR + "iati-activities-schema.xsd").getURL();
            StreamSource source = new StreamSource(new ClassPathResource(SCHEMA_DIR + "iati-activities-schema.xsd").getInputStream(),
                    main.toExternalForm());
            return f.newSchema(source);
        } catch (SAXException e) {
            throw new IllegalStateException("IATI schema unreadable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("IATI schema missing from " + SCHEMA_DIR, e);
        }
    }

    /** Resolves the schema's own includes and imports to the files shipped next to it. */
    private static final class ClassPathSchemas implements LSResourceResolver {

        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId, String baseURI) {
            if (systemId == null) {
                return null;
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!name.matches("[a-z0-9-]+\\.xsd")) {
                return null;
            }
            ClassPathResource resource = new ClassPathResource(SCHEMA_DIR + name);
            if (!resource.exists()) {
                return null;
            }
            try {
                return new Input(resource.getInputStream(), systemId, publicId, baseURI);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Input(InputStream byteStream, String systemId, String publicId, String baseURI) implements LSInput {

        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {
        }

        @Override
        public InputStream getByteStream() {
            return byteStream;
        }

        @Override
        public void setByteStream(InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(String publicId) {
        }

        @Override
        public String getBaseURI() {
            return baseURI;
        }

        @Override
        public void setBaseURI(String baseURI) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
