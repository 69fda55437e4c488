import java.io.File;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Validates an IATI file against the shipped schema: java bench/IatiValidate.java SCHEMA.xsd FILE.xml (prints "valid" or the first errors). */
public class IatiValidate {

    public static void main(String[] args) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Validator v = f.newSchema(new File(args[0])).newValidator();
        AtomicInteger errors = new AtomicInteger();
        StringBuilder first = new StringBuilder();
        v.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) {
            }

            public void error(SAXParseException e) {
                if (errors.getAndIncrement() < 3) {
                    first.append(" line ").append(e.getLineNumber()).append(": ").append(e.getMessage());
                }
            }

            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        long t0 = System.nanoTime();
        v.validate(new StreamSource(new File(args[1])));
        System.out.println(errors.get() == 0 ? "valid (" + (System.nanoTime() - t0) / 1_000_000 + " ms to validate)"
                : errors.get() + " errors:" + first);
    }
}
