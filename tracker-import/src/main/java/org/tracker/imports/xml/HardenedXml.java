package org.tracker.imports.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.tracker.imports.SizeLimit;
import org.tracker.imports.UnreadableRecordException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Parses one kind of XML document that comes from outside, and finds its way around it with errors that name the
 * kind. Every XML reader of this module parses here, so that the defences are set up once: the JDK's own parser, a
 * size limit checked before parsing, no external entity or DTD ever fetched, no entity ever expanded, and every parser
 * error treated as a refusal.
 */
public final class HardenedXml {

    /** What a document may declare before its root element. */
    public enum Doctype {
        /** No DOCTYPE at all: BILLSTATUS files and the Senate's roll calls have none. */
        REFUSED,
        /**
         * A DOCTYPE that only names an external DTD, which is never fetched: the House Clerk's roll calls name theirs.
         * A declaration inside the DOCTYPE (an entity, an element) is refused before anything is expanded.
         */
        NAMING_AN_EXTERNAL_DTD_ONLY
    }

    private final String kind;
    private final SizeLimit limit;
    private final Doctype doctype;
    private final DocumentBuilderFactory documents;
    private final SAXParserFactory prologChecks;

    /** @param kind what the documents are, for messages ("BILLSTATUS file", "House roll call") */
    public HardenedXml(String kind, long maxBytes, Doctype doctype) {
        this.kind = kind;
        this.limit = new SizeLimit(maxBytes, kind);
        this.doctype = doctype;
        this.documents = documentFactory(doctype);
        this.prologChecks = doctype == Doctype.NAMING_AN_EXTERNAL_DTD_ONLY ? prologCheckFactory() : null;
    }

    /** The root element of the file, which must have the given name. */
    public Element root(Path file, String rootName) {
        return root(limit.read(file), rootName);
    }

    /** The root element of what the stream holds, read up to the size limit; the caller closes the stream. */
    public Element root(InputStream in, String rootName) {
        return root(limit.read(in), rootName);
    }

    private Element root(byte[] bytes, String rootName) {
        if (doctype == Doctype.NAMING_AN_EXTERNAL_DTD_ONLY) {
            refuseDeclarations(bytes);
        }
        Element root = parse(bytes).getDocumentElement();
        if (!root.getTagName().equals(rootName)) {
            throw unreadable("the root element is <" + root.getTagName() + ">, not <" + rootName + ">");
        }
        return root;
    }

    /** The first direct child of that name, or null; only direct children, as records nest elements of one name. */
    public Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    public List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The trimmed text of a direct child, or null when the child is missing or empty. */
    public String text(Element parent, String name) {
        Element child = child(parent, name);
        if (child == null) {
            return null;
        }
        String value = child.getTextContent().strip();
        return value.isEmpty() ? null : value;
    }

    public String required(Element parent, String name) {
        String value = text(parent, name);
        if (value == null) {
            throw unreadable("<" + parent.getTagName() + "> has no <" + name + ">");
        }
        return value;
    }

    public int number(Element parent, String name) {
        return number(required(parent, name), "<" + name + ">");
    }

    /** @param what where the value was found, for the message */
    public int number(String value, String what) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw unreadable(what + " '" + value + "' is not a number");
        }
    }

    /** An attribute's trimmed value, or null when it is missing or empty. */
    public String attribute(Element element, String name) {
        String value = element.getAttribute(name).strip();
        return value.isEmpty() ? null : value;
    }

    public UnreadableRecordException unreadable(String reason) {
        return new UnreadableRecordException("not a readable " + kind + ": " + reason);
    }

    private static DocumentBuilderFactory documentFactory(Doctype doctype) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", doctype == Doctype.REFUSED);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser no longer offers the features that harden it", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /** A SAX parser with the same defences, which also reports declarations, so that they can be refused. */
    private static SAXParserFactory prologCheckFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser no longer offers the features that harden it", e);
        }
        factory.setXIncludeAware(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    private Document parse(byte[] bytes) {
        try {
            DocumentBuilder parser = documents.newDocumentBuilder();
            parser.setErrorHandler(RETHROW);
            parser.setEntityResolver(REFUSE_EXTERNAL);
            return parser.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            if (doctype == Doctype.REFUSED && String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new UnreadableRecordException(
                        "refused: the input declares a DOCTYPE; a " + kind + " has none, and DTDs and entities are"
                                + " not accepted",
                        e);
            }
            throw new UnreadableRecordException(
                    "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + e.getMessage(),
                    e);
        } catch (SAXException e) {
            throw new UnreadableRecordException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the hardened XML parser cannot be created", e);
        } catch (IOException e) {
            // the bytes are in memory: what fails to read is their decoding (an unknown encoding, malformed bytes)
            throw new UnreadableRecordException("cannot be decoded as its declaration says: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the prolog only, up to the root element, and refuses any declaration in it. The DOM parser would expand an
     * entity as it parses, before the document could be inspected; declarations are seen here before any use.
     */
    private void refuseDeclarations(byte[] bytes) {
        PrologCheck check = new PrologCheck();
        try {
            XMLReader reader = prologChecks.newSAXParser().getXMLReader();
            reader.setProperty("http://xml.org/sax/properties/declaration-handler", check);
            reader.setContentHandler(check);
            reader.setErrorHandler(RETHROW);
            reader.setEntityResolver(check);
            reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (RootReached reached) {
            // the prolog declared nothing
        } catch (Refused refused) {
            throw new UnreadableRecordException("refused: " + refused.getMessage() + "; a " + kind
                    + " only names its DTD, and declarations and entities are not accepted");
        } catch (SAXParseException e) {
            throw new UnreadableRecordException(
                    "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + e.getMessage(),
                    e);
        } catch (SAXException e) {
            throw new UnreadableRecordException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the hardened XML parser cannot be created", e);
        } catch (IOException e) {
            // the bytes are in memory: what fails to read is their decoding (an unknown encoding, malformed bytes)
            throw new UnreadableRecordException("cannot be decoded as its declaration says: " + e.getMessage(), e);
        }
    }

    /** Thrown by the prolog check at the root element: there is nothing more it needs to read. */
    private static final class RootReached extends SAXException {}

    private static final class Refused extends SAXException {
        Refused(String message) {
            super(message);
        }
    }

    private static final class PrologCheck extends DefaultHandler2 {

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            throw new RootReached();
        }

        @Override
        public void elementDecl(String name, String model) throws SAXException {
            throw new Refused("the DOCTYPE declares the element <" + name + ">");
        }

        @Override
        public void attributeDecl(String element, String attribute, String type, String mode, String value)
                throws SAXException {
            throw new Refused("the DOCTYPE declares the attribute '" + attribute + "' of <" + element + ">");
        }

        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            throw new Refused("the DOCTYPE declares the entity '" + name + "'");
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new Refused("the DOCTYPE declares the external entity '" + name + "'");
        }

        @Override
        public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId)
                throws SAXException {
            throw new Refused("the input asks for '" + systemId + "' to be fetched");
        }
    }

    /** Nothing outside the input is ever read, whatever the parser's configuration lets through. */
    private static final EntityResolver REFUSE_EXTERNAL = (publicId, systemId) -> {
        throw new SAXException("refused to fetch '" + systemId + "': nothing outside the input is read");
    };

    /** The default handler prints to stderr and lets some errors through; every problem is a refusal here. */
    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    };
}
